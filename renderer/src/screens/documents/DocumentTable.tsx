import { Badge, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentView } from '../../../../electron/core/api/contract';
import { formatDate } from '../../i18n/format';

/**
 * Documents as rows (newest number first): the letter register's agenda and a case's
 * documents alike. A row opens the document.
 */
export function DocumentTable({ rows, onOpen, showCase, testId }: { rows: DocumentView[]; onOpen: (id: string) => void; showCase?: boolean; testId: string }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={250}>{t('documents.fields.number')}</Table.Th>
            <Table.Th w={150}>{t('documents.fields.letterDate')}</Table.Th>
            <Table.Th>{t('documents.fields.typeAndHal')}</Table.Th>
            {showCase && <Table.Th w={170}>{t('documents.fields.case')}</Table.Th>}
            <Table.Th w={150}>{t('documents.fields.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((d) => (
            <Table.Tr key={d.id} style={{ cursor: 'pointer' }} onClick={() => onOpen(d.id)}>
              <Table.Td>
                <UnstyledButton onClick={(e) => { e.stopPropagation(); onOpen(d.id); }} ff="monospace" fz="sm" style={{ whiteSpace: 'nowrap' }} td={d.status === 'void' ? 'line-through' : undefined}>
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
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
