import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { CaseReasonModal } from '../CaseReasonModal';
import type { StepView } from './steps';

/** An optional step ("referral, if needed") may be skipped, with the reason on record. */
export function SkipStep({ step }: { step: StepView }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <Group justify="flex-start">
      <Button variant="subtle" color="gray" size="xs" onClick={() => setOpened(true)}>
        {t('caseView.skip')}
      </Button>
      {opened && (
        <CaseReasonModal
          onClose={() => setOpened(false)}
          title={t('caseView.skipTitle', { label: step.label })}
          explain={t('caseView.skipExplain')}
          reasonLabel={t('caseView.skipReason')}
          maxLength={1000}
          confirmLabel={t('caseView.skip')}
          send={(reason, ref) => call('steps.skip', { ...ref, step: step.code, reason })}
        />
      )}
    </Group>
  );
}
