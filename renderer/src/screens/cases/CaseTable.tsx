import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { vocab, type CaseListRow } from '../../../../electron/core/api/contract';
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

/** Rows of cases, as the case lists and the dashboard show them; a row opens its case. */
export function CaseTable({ rows, testId }: { rows: CaseListRow[]; testId?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const serviceName = useServiceName();
  const now = useNow();

  return (
    <Table.ScrollContainer minWidth={960}>
      <Table highlightOnHover verticalSpacing="xs" fz="sm" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('cases.columns.registerNo')}</Table.Th>
            <Table.Th>{t('cases.columns.service')}</Table.Th>
            <Table.Th>{t('cases.columns.victim')}</Table.Th>
            <Table.Th>{t('cases.columns.step')}</Table.Th>
            <Table.Th>{t('cases.columns.due')}</Table.Th>
            <Table.Th>{t('cases.columns.risk')}</Table.Th>
            <Table.Th>{t('cases.columns.assigned')}</Table.Th>
            <Table.Th>{t('cases.columns.created')}</Table.Th>
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
