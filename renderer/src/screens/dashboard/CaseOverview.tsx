import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DashboardView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { describeError } from '../../api/errors';
import { keys, useCan, useDashboard, useInvalidate, useServices } from '../../api/queries';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { formatDate, formatDateTime } from '../../i18n/format';
import { CaseTable, useServiceName } from '../cases/CaseTable';
import { useNow } from '../cases/due';

interface PanelProps {
  title: string;
  /** Something is wrong (overdue): the title and count in red. */
  alarm?: boolean;
  count?: number;
  children: ReactNode;
  testId: string;
}

function Panel({ title, alarm = false, count, children, testId }: PanelProps) {
  return (
    <Card withBorder padding="md" component="section" aria-label={title} data-testid={testId}>
      <Group gap="xs" mb="sm">
        <Title order={2} size="h4" c={alarm ? 'red.7' : undefined}>
          {title}
        </Title>
        {count !== undefined && count > 0 && (
          <Badge color={alarm ? 'red' : 'gray'} variant={alarm ? 'filled' : 'light'}>
            {count}
          </Badge>
        )}
      </Group>
      {children}
    </Card>
  );
}

/** The core's draft summary is "service · incident date"; read it back into its parts. */
function draftParts(summary: string, serviceCodes: string[]): { service: string | null; incidentDate: string | null } {
  const [first = '', second = ''] = summary.split(' · ');
  const service = serviceCodes.includes(first) ? first : null;
  const date = [first, second].find((p) => /^\d{4}-\d{2}-\d{2}$/.test(p)) ?? null;
  return { service, incidentDate: date };
}

function Drafts({ drafts }: { drafts: DashboardView['drafts'] }) {
  const { t } = useTranslation();
  const services = useServices();
  const serviceName = useServiceName();
  const invalidate = useInvalidate();
  const [confirming, setConfirming] = useState<string | null>(null);
  const codes = (services.data ?? []).map((s) => s.code);
  const fallback = services.data?.find((s) => s.enabled)?.code ?? 'pengaduan_kekerasan';
  const discard = useMutation({
    mutationFn: (id: string) => call('intake.discardDraft', { id }),
    onSuccess: async () => {
      setConfirming(null);
      notifications.show({ color: 'teal', message: t('dashboard.draftDiscarded') });
      await invalidate(keys.dashboard);
    },
    onError: (error) => notifications.show({ color: 'red', title: t('errors.title'), message: describeError(error, t) }),
  });

  if (drafts.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('dashboard.draftsNone')}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      {drafts.map((d) => {
        const parts = draftParts(d.summary, codes);
        const title = [
          parts.service ? serviceName(parts.service) : t('dashboard.draftUntitled'),
          parts.incidentDate && t('dashboard.draftIncident', { date: formatDate(parts.incidentDate) }),
        ]
          .filter(Boolean)
          .join(' · ');
        return (
          <Group key={d.id} justify="space-between" wrap="nowrap" data-testid="draft-row">
            <Stack gap={0}>
              <Text size="sm" fw={600}>
                {title}
              </Text>
              <Text size="xs" c="dimmed">
                {t('dashboard.draftSaved', { when: formatDateTime(d.updatedAt) })}
              </Text>
            </Stack>
            {confirming === d.id ? (
              <Group gap="xs" wrap="nowrap">
                <Text size="xs">{t('dashboard.draftDiscardConfirm')}</Text>
                <Button size="xs" color="red" loading={discard.isPending} onClick={() => discard.mutate(d.id)}>
                  {t('intake.draft.discardYes')}
                </Button>
                <Button size="xs" variant="default" onClick={() => setConfirming(null)}>
                  {t('common.cancel')}
                </Button>
              </Group>
            ) : (
              <Group gap="xs" wrap="nowrap">
                <Button size="xs" component={Link} to={`/intake/${parts.service ?? fallback}?draft=${d.id}`}>
                  {t('dashboard.draftResume')}
                </Button>
                <Button size="xs" variant="subtle" color="red" onClick={() => setConfirming(d.id)}>
                  {t('dashboard.draftDiscard')}
                </Button>
              </Group>
            )}
          </Group>
        );
      })}
    </Stack>
  );
}

/**
 * What needs doing now, for anyone who reads cases: overdue cases first, then approvals
 * waiting, deadlines within a day, the officer's unfinished intakes, monitoring visits and
 * open cases per service. Refreshed by change events and once a minute (deadlines pass
 * without any event).
 */
export function CaseOverview() {
  const { t } = useTranslation();
  const can = useCan();
  const dashboard = useDashboard();
  const services = useServices();
  const now = useNow();

  if (dashboard.isPending) return <Loading />;
  if (dashboard.isError) return <FormError error={dashboard.error} />;
  const d = dashboard.data;
  const openOf = (code: string) => d.byService.find((s) => s.serviceCode === code)?.open ?? 0;

  return (
    <Stack gap="md">
      <Panel title={t('dashboard.overdue')} alarm count={d.overdue.length} testId="dashboard-overdue">
        {d.overdue.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('dashboard.overdueNone')}
          </Text>
        ) : (
          <CaseTable rows={d.overdue} />
        )}
      </Panel>

      {can('cases.approve') && (
        <Panel title={t('dashboard.approvals')} count={d.pendingApprovals} testId="dashboard-approvals">
          <Group justify="space-between">
            <Text size="sm">{t('dashboard.approvalsCount', { count: d.pendingApprovals })}</Text>
            <Button component={Link} to="/approvals" variant={d.pendingApprovals > 0 ? 'filled' : 'default'} size="xs">
              {t('dashboard.approvalsOpen')}
            </Button>
          </Group>
        </Panel>
      )}

      <Panel title={t('dashboard.dueSoon')} count={d.dueSoon.length} testId="dashboard-due-soon">
        {d.dueSoon.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('dashboard.dueSoonNone')}
          </Text>
        ) : (
          <CaseTable rows={d.dueSoon} />
        )}
      </Panel>

      {can('cases.create') && (
        <Panel title={t('dashboard.drafts')} count={d.drafts.length} testId="dashboard-drafts">
          <Drafts drafts={d.drafts} />
        </Panel>
      )}

      <Panel title={t('dashboard.monitoring')} count={d.monitoringDue.length} testId="dashboard-monitoring">
        {d.monitoringDue.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('dashboard.monitoringNone')}
          </Text>
        ) : (
          <Stack gap="xs">
            {/* Past visits not yet made are not "within 7 days": they are late, and said so apart. */}
            <VisitList title={t('dashboard.monitoringOverdue')} visits={d.monitoringDue.filter((m) => Date.parse(m.dueAt) < now)} late testId="dashboard-monitoring-overdue" />
            <VisitList title={t('dashboard.monitoringUpcoming')} visits={d.monitoringDue.filter((m) => Date.parse(m.dueAt) >= now)} testId="dashboard-monitoring-upcoming" />
          </Stack>
        )}
      </Panel>

      <Panel title={t('dashboard.openCases')} testId="dashboard-open">
        <Text size="sm" mb="sm">
          {t('dashboard.openCasesTotal', { count: d.openCases })}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          {(services.data ?? [])
            .filter((s) => s.enabled || openOf(s.code) > 0)
            .map((s) => (
              <Card key={s.code} withBorder padding="sm" component={Link} to={s.enabled ? `/service/${s.code}` : `/cases?service=${s.code}`}>
                <Text size="sm" c="dimmed">
                  {s.definition.shortName}
                </Text>
                <Text size="xl" fw={700}>
                  {openOf(s.code)}
                </Text>
              </Card>
            ))}
        </SimpleGrid>
      </Panel>
    </Stack>
  );
}

function VisitList(props: { title: string; visits: DashboardView['monitoringDue']; late?: boolean; testId: string }) {
  if (props.visits.length === 0) return null;
  return (
    <Stack gap={4} data-testid={props.testId}>
      <Text size="xs" fw={700} c={props.late ? 'red.7' : 'dimmed'}>
        {props.title}
      </Text>
      {props.visits.map((m) => (
        <Group key={m.itemId} gap="sm">
          <Anchor component={Link} to={`/cases/${m.caseId}`} ff="monospace" size="sm">
            {m.registerNo}
          </Anchor>
          <Text size="sm" c={props.late ? 'red.7' : undefined}>
            {formatDate(m.dueAt)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
