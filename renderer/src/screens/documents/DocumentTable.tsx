import { Badge, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentView } from '../../../../electron/core/api/contract';
import { DataTable } from '../../components/DataTable';
import { formatDate } from '../../i18n/format';

/**
 * Documents as rows (newest number first): the letter register's agenda and a case's
 * documents alike. A row opens the document.
 */
export function DocumentTable({ rows, onOpen, showCase, testId }: { rows: DocumentView[]; onOpen: (id: string) => void; showCase?: boolean; testId: string }) {
  const { t } = useTranslation();
  return (
    <DataTable
      minWidth={860}
      highlightOnHover
      testId={testId}
      columns={[
        { label: t('documents.fields.number'), w: 250 },
        { label: t('documents.fields.letterDate'), w: 150 },
        { label: t('documents.fields.typeAndHal') },
        showCase && { label: t('documents.fields.case'), w: 170 },
        { label: t('documents.fields.status'), w: 150 },
      ]}
    >
      {rows.map((d) => (
        <Table.Tr key={d.id} style={{ cursor: 'pointer' }} onClick={() => onOpen(d.id)}>
          <Table.Td>
            <UnstyledButton
              onClick={(e) => {
                e.stopPropagation();
                onOpen(d.id);
              }}
              ff="monospace"
              fz="sm"
              style={{ whiteSpace: 'nowrap' }}
              td={d.status === 'void' ? 'line-through' : undefined}
            >
              {d.number ?? t('documents.unnumbered')}
            </UnstyledButton>
          </Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(d.letterDate)}</Table.Td>
          <Table.Td>
            <Text size="sm" fw={500}>
              {d.typeTitle}
            </Text>
            {d.hal && d.hal !== d.typeTitle && (
              <Text size="xs" c="dimmed" lineClamp={1}>
                {d.hal}
              </Text>
            )}
          </Table.Td>
          {showCase && <Table.Td ff="monospace">{d.registerNo ?? '—'}</Table.Td>}
          <Table.Td>
            {d.status === 'void' ? (
              <Badge color="red" variant="light">
                {t('documents.status.void')}
              </Badge>
            ) : (
              <Badge color={d.scans > 0 ? 'teal' : 'gray'} variant="light">
                {d.scans > 0 ? t('documents.status.signed') : t('documents.status.active')}
              </Badge>
            )}
            {d.latestVersion > 1 && (
              <Text size="xs" c="dimmed">
                {t('documents.version', { n: d.latestVersion })}
              </Text>
            )}
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
