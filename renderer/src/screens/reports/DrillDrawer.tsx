import { Drawer, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadedList } from '../../components/LoadedList';
import { Pager } from '../../components/Pager';
import { CaseTable } from '../cases/CaseTable';
import { useDrillCases, type DrillCell, type ReportFilter } from './queries';

const pageSize = 25;

/** The cases behind one count of the recap, as any case list shows them (names masked), so a figure can be checked. */
export function DrillDrawer(props: { filter: ReportFilter | null; cell: DrillCell | null; label: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [props.cell]);
  const list = useDrillCases(props.filter, props.cell, page, pageSize);

  return (
    <Drawer opened={props.cell !== null} onClose={props.onClose} position="right" size={1000} title={t('reports.drillTitle')} data-testid="drill-drawer">
      <Stack gap="sm">
        <Text size="sm" fw={600} data-testid="drill-label">
          {props.label}
        </Text>
        <LoadedList query={list} rows={list.data?.rows} empty={t('reports.drillNone')}>
          {(rows) => (
            <>
              <CaseTable rows={rows} testId="drill-cases" />
              <Pager page={page} pageSize={pageSize} rows={rows.length} total={list.data?.total ?? rows.length} range="cases.range" onPage={setPage} testId="drill-count" />
            </>
          )}
        </LoadedList>
      </Stack>
    </Drawer>
  );
}
