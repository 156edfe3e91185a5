import { Anchor, Badge, Button, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApprovalView } from '../../../../electron/core/api/contract';
import { useApprovals, useServices } from '../../api/queries';
import { LoadedList } from '../../components/LoadedList';
import { casePath } from '../case/CaseScreen';
import { formatMoment } from '../case/format';
import { ApprovalReview } from './ApprovalReview';

/** Requests waiting for the caller's decision (their own are not counted: nobody decides their own). */
export function ApprovalsBadge() {
  const pending = useApprovals('pending');
  const count = pending.data?.filter((a) => !a.mine).length ?? 0;
  if (count === 0) return null;
  return (
    <Badge size="sm" color="red" circle={count < 10} data-testid="approvals-count">
      {count}
    </Badge>
  );
}

/** Route /approvals: the head's queue of submitted steps, and the decisions already taken. */
export function ApprovalsScreen() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('pending');
  const [reviewing, setReviewing] = useState<ApprovalView | null>(null);
  const pending = useApprovals('pending');
  const approved = useApprovals('approved', tab === 'decided');
  const rejected = useApprovals('rejected', tab === 'decided');
  const decided = [...(approved.data ?? []), ...(rejected.data ?? [])].sort((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''));
  // The review shows the request as the queue has it now (it may have been decided meanwhile).
  const current = reviewing ? (pending.data?.find((a) => a.id === reviewing.id) ?? reviewing) : null;

  return (
    <Stack gap="md" maw={1200}>
      <Title order={1} size="h2">
        {t('approvalQueue.title')}
      </Title>
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="pending">
            {t('approvalQueue.pending')} ({pending.data?.length ?? 0})
          </Tabs.Tab>
          <Tabs.Tab value="decided">{t('approvalQueue.decided')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="pending" pt="md">
          <LoadedList query={pending} rows={pending.data} empty={t('approvalQueue.empty')}>
            {(list) => <ApprovalTable rows={list} onReview={setReviewing} />}
          </LoadedList>
        </Tabs.Panel>
        <Tabs.Panel value="decided" pt="md">
          <LoadedList
            query={{ isPending: approved.isPending || rejected.isPending, isError: approved.isError || rejected.isError, error: approved.error ?? rejected.error }}
            rows={decided}
            empty={t('approvalQueue.noDecisions')}
          >
            {(list) => <ApprovalTable rows={list} decided />}
          </LoadedList>
        </Tabs.Panel>
      </Tabs>
      <ApprovalReview approval={current} onClose={() => setReviewing(null)} />
    </Stack>
  );
}

function ApprovalTable({ rows, decided, onReview }: { rows: ApprovalView[]; decided?: boolean; onReview?: (a: ApprovalView) => void }) {
  const { t } = useTranslation();
  const services = useServices();
  const serviceName = (code: string) => services.data?.find((s) => s.code === code)?.definition.shortName ?? code;

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('approvalQueue.registerNo')}</Table.Th>
            <Table.Th>{t('approvalQueue.service')}</Table.Th>
            <Table.Th>{t('approvalQueue.step')}</Table.Th>
            <Table.Th>{t('approvalQueue.requestedBy')}</Table.Th>
            <Table.Th>{t('approvalQueue.requestedAt')}</Table.Th>
            {decided ? (
              <>
                <Table.Th>{t('approvalQueue.decision')}</Table.Th>
                <Table.Th>{t('approvalQueue.decidedBy')}</Table.Th>
                <Table.Th>{t('approvalQueue.comment')}</Table.Th>
              </>
            ) : (
              <Table.Th>{t('common.actions')}</Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((a) => (
            <Table.Tr key={a.id} data-testid={`approval-${a.registerNo}`}>
              <Table.Td>
                <Anchor component={Link} to={casePath(a.caseId)} ff="monospace" size="sm">
                  {a.registerNo}
                </Anchor>
              </Table.Td>
              <Table.Td>{serviceName(a.serviceCode)}</Table.Td>
              <Table.Td>{a.stepLabel}</Table.Td>
              <Table.Td>
                {a.requestedBy}
                {a.mine && (
                  <Badge ml={6} size="xs" variant="light" color="gray">
                    {t('approvalQueue.mine')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{formatMoment(a.requestedAt)}</Table.Td>
              {decided ? (
                <>
                  <Table.Td>
                    <Badge color={a.status === 'approved' ? 'teal' : 'red'} variant="light">
                      {t(`approvalQueue.status.${a.status as 'approved' | 'rejected'}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {a.decidedBy}
                    <Text size="xs" c="dimmed">
                      {formatMoment(a.decidedAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{a.comment}</Table.Td>
                </>
              ) : (
                <Table.Td>
                  <Button size="compact-sm" variant={a.mine ? 'default' : 'filled'} onClick={() => onReview?.(a)} aria-label={`${t('approvalQueue.review')} ${a.registerNo}`}>
                    {t('approvalQueue.review')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
