import { Anchor, Badge, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { vocab, type CaseListRow, type CaseSortKey } from '../../../../electron/core/api/contract';
import { useServices } from '../../api/queries';
import { formatDate, formatDateTime } from '../../i18n/format';
import { optionLabel } from '../../i18n/labels';
import { DueText, useNow } from './due';
import { VictimNames } from './VictimNames';

const riskColors: Record<string, string> = { low: 'gray', medium: 'yellow', high: 'red' };

/** A risk level as a short badge ("Tinggi"), the vocabulary's label without its explanation. */
export function RiskBadge({ level }: { level: string }) {
  const label = optionLabel(vocab.riskLevels.items, level).split(' — ')[0];
  return (
    <Badge color={riskColors[level] ?? 'gray'} variant={level === 'high' ? 'filled' : 'light'} size="sm" styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}>
      {label}
    </Badge>
  );
}

/** A service's short name from the office's services; the code while they load. */
export function useServiceName(): (code: string) => string {
  const services = useServices();
  return (code) => services.data?.find((s) => s.code === code)?.definition.shortName ?? code;
}

export interface CaseSort {
  by: CaseSortKey;
  dir: 'asc' | 'desc';
  /** Sorts by this column; the same column again turns the direction. */
  onSort: (by: CaseSortKey) => void;
}

/** A column header that sorts the list: a button, with the direction said to screen readers. */
function SortableTh({ sort, by, label }: { sort: CaseSort | undefined; by: CaseSortKey; label: string }) {
  const { t } = useTranslation();
  if (!sort) return <Table.Th>{label}</Table.Th>;
  const active = sort.by === by;
  return (
    <Table.Th aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => sort.onSort(by)} fw={700} fz="sm" title={t('cases.sortBy', { column: label })}>
        {label} {active ? (sort.dir === 'asc' ? '▲' : '▼') : <Text span c="dimmed" fz="xs">↕</Text>}
      </UnstyledButton>
    </Table.Th>
  );
}

/** Rows of cases, as the case lists and the dashboard show them; a row opens its case. */
export function CaseTable({ rows, testId, sort }: { rows: CaseListRow[]; testId?: string; sort?: CaseSort }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const serviceName = useServiceName();
  const now = useNow();

  return (
    <Table.ScrollContainer minWidth={960}>
      <Table highlightOnHover verticalSpacing="xs" fz="sm" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <SortableTh sort={sort} by="registerNo" label={t('cases.columns.registerNo')} />
            <Table.Th>{t('cases.columns.service')}</Table.Th>
            <Table.Th>{t('cases.columns.victim')}</Table.Th>
            <Table.Th>{t('cases.columns.step')}</Table.Th>
            <SortableTh sort={sort} by="due" label={t('cases.columns.due')} />
            <SortableTh sort={sort} by="risk" label={t('cases.columns.risk')} />
            <Table.Th>{t('cases.columns.assigned')}</Table.Th>
            <SortableTh sort={sort} by="created" label={t('cases.columns.created')} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr
              key={row.id}
              data-testid={`case-row-${row.registerNo}`}
              style={{ cursor: 'pointer' }}
              onClick={() => navigate(`/cases/${row.id}`)}
            >
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={`/cases/${row.id}`} ff="monospace" size="sm" onClick={(e) => e.stopPropagation()}>
                  {row.registerNo}
                </Anchor>
              </Table.Td>
              <Table.Td>{serviceName(row.serviceCode)}</Table.Td>
              <Table.Td>
                <VictimNames caseId={row.id} victims={row.victimNames} />
              </Table.Td>
              <Table.Td>
                {row.currentStep ?? (
                  <Text span size="sm" c="dimmed">
                    {optionLabel(vocab.caseStatuses.items, row.status)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <DueText dueAt={row.dueAt} overdue={row.overdue} now={now} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <RiskBadge level={row.riskLevel} />
              </Table.Td>
              <Table.Td>
                {row.assignedTo ?? (
                  <Text span size="sm" c="dimmed">
                    {t('cases.unassigned')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }} title={formatDateTime(row.createdAt)}>
                {formatDate(row.createdAt)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
