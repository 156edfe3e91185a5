import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../electron/core/api/contract';
import { ReasonDialog, type ReasonDialogProps } from '../../components/ReasonModal';
import { validators } from '../../components/validators';
import { useCaseForm, type CaseRef } from './workspace';

/** A case edit that needs nothing but a reason on record (skipping a step, removing an entry). */
export function CaseReasonModal({
  send,
  ...shown
}: Omit<ReasonDialogProps, 'opened' | 'form' | 'submit'> & {
  send: (reason: string, ref: CaseRef) => Promise<CaseDetail>;
}) {
  const { t } = useTranslation();
  const v = validators(t);
  const { form, submit } = useCaseForm({
    values: () => ({ reason: '' }),
    validate: { reason: v.required },
    send: ({ reason }, ref) => send(reason, ref),
    onSaved: shown.onClose,
  });
  return <ReasonDialog opened {...shown} form={form} submit={submit} />;
}
