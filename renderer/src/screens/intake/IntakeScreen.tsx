import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { call, isApiCallError } from '../../api/client';
import { useServices } from '../../api/queries';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { IntakeForm } from './IntakeForm';
import { readDraft } from './intakeValues';

interface Registered {
  id: string;
  registerNo: string;
}

function IntakeDone({ registered, onNew }: { registered: Registered; onNew: () => void }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="xl" maw={560} data-testid="intake-done">
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('intake.done.title')}
        </Title>
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {t('intake.done.registerNo')}
          </Text>
          <Text size="xl" fw={700} ff="monospace" data-testid="register-no">
            {registered.registerNo}
          </Text>
        </Stack>
        <Group>
          <Button component={Link} to={`/cases/${registered.id}`} autoFocus>
            {t('intake.done.openCase')}
          </Button>
          <Button variant="default" onClick={onNew}>
            {t('intake.done.newOne')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** Intake of one service; `?draft=<id>` continues a saved draft (the address names it once it has one). */
function IntakeOfService({ code }: { code: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const urlDraft = params.get('draft');
  const services = useServices();
  const service = services.data?.find((s) => s.code === code && s.enabled);
  /** The draft the open form writes to: the address may name it without opening it again. */
  const writing = useRef<string | null>(urlDraft);
  const [opened, setOpened] = useState({ n: 0, draftId: urlDraft });
  const [registered, setRegistered] = useState<Registered | null>(null);

  const open = (draftId: string | null) => {
    writing.current = draftId;
    setRegistered(null);
    setOpened((o) => ({ n: o.n + 1, draftId }));
  };

  useEffect(() => {
    if (urlDraft !== writing.current) open(urlDraft);
  }, [urlDraft]);

  const draft = useQuery({
    queryKey: ['intake.getDraft', opened.draftId],
    queryFn: () => call('intake.getDraft', { id: opened.draftId! }),
    enabled: opened.draftId !== null,
    staleTime: Infinity,
    gcTime: 0,
  });

  const forgetDraftInAddress = () => {
    writing.current = null;
    setParams({}, { replace: true });
  };

  if (services.isPending || (opened.draftId && draft.isPending)) return <Loading />;
  if (services.isError) return <FormError error={services.error} />;
  const draftLost = opened.draftId !== null && isApiCallError(draft.error, 'NOT_FOUND');
  if (opened.draftId && draft.isError && !draftLost) return <FormError error={draft.error} />;
  // A draft opens in the form of its own service, whatever the address said.
  const draftService = draft.data ? readDraft(draft.data.data).serviceCode : null;
  if (draftService && draftService !== code) return <Navigate to={`/intake/${draftService}?draft=${opened.draftId}`} replace />;
  if (!service) {
    return (
      <Stack gap="sm" maw={560}>
        <Alert color="yellow">{t('intake.notOffered')}</Alert>
        <Anchor component={Link} to="/cases">
          {t('intake.backToList')}
        </Anchor>
      </Stack>
    );
  }
  if (registered) return <IntakeDone registered={registered} onNew={() => open(null)} />;

  return (
    <Stack gap="sm">
      {draftLost && (
        <Alert color="yellow" variant="light">
          {t('intake.draft.notFound')}
        </Alert>
      )}
      <IntakeForm
        key={opened.n}
        service={service}
        draft={draftLost ? null : (draft.data ?? null)}
        onDraftCreated={(id) => {
          writing.current = id;
          // A save answered after the officer moved on must not pull them back to this form.
          if (window.location.hash.split('?')[0] !== `#/intake/${code}`) return;
          setParams({ draft: id }, { replace: true });
        }}
        onRegistered={(result, values) => {
          forgetDraftInAddress();
          if (service.definition.kind === 'case' && values.riskLevel === 'high') {
            // High risk: the case screen opens at once (a service with crisis steps shows them first).
            const crisisSteps = service.definition.steps.some((step) => step.crisis);
            notifications.show({
              color: 'red',
              message: t(crisisSteps ? 'intake.done.crisis' : 'intake.done.highRisk', { registerNo: result.registerNo }),
              autoClose: 15_000,
            });
            navigate(`/cases/${result.id}`);
            return;
          }
          setRegistered(result);
        }}
        onDiscarded={() => {
          forgetDraftInAddress();
          notifications.show({ color: 'teal', message: t('dashboard.draftDiscarded') });
          open(null);
        }}
      />
    </Stack>
  );
}

export function IntakeScreen() {
  const { service = '' } = useParams();
  return <IntakeOfService key={service} code={service} />;
}
