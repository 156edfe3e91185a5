import { Button, Checkbox, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileTarget } from '../../../../electron/core/api/contract';
import { useDocumentList, useDocumentTypes, type DocumentFilter } from '../../api/queries';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { Pager } from '../../components/Pager';
import { officeToday } from '../../i18n/format';
import { useUrlFilters } from '../../components/useUrlFilters';
import { DocumentDrawer } from './DocumentDrawer';
import { DocumentTable } from './DocumentTable';
import { useDocumentFiles } from './useDocumentFiles';

const pageSize = 50;

/**
 * The letter register (agenda surat keluar): every numbered letter by year, type and status,
 * voided numbers included with their reason; optionally every document (forms, receipts).
 * Exported as CSV for a spreadsheet, as a copy outside the register (with the warning).
 */
export function LettersScreen() {
  const { t } = useTranslation();
  const filters = useUrlFilters();
  const setFilter = filters.set;
  const types = useDocumentTypes(null);
  const files = useDocumentFiles();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [openId, setOpenId] = useState<string | null>(null);

  const thisYear = Number(officeToday().slice(0, 4));
  // This year unless chosen otherwise ('all': every year).
  const yearChoice = filters.get('year') ?? String(thisYear);
  const year = yearChoice === 'all' ? '' : yearChoice;
  const type = (filters.get('type') ?? '') as NonNullable<DocumentFilter['type']> | '';
  const status = (filters.get('status') ?? '') as 'active' | 'void' | '';
  const all = filters.get('all') === '1';
  const page = filters.page;
  const scope = {
    ...(year ? { year: Number(year) } : {}),
    ...(type ? { type } : {}),
    ...(status ? { status } : {}),
    numbered: !all,
  };
  const searched = { ...scope, ...(debounced ? { search: debounced } : {}) };
  const list = useDocumentList({ ...searched, page, pageSize });
  const rows = list.data?.rows ?? [];
  // The export holds what the screen shows, every page of it.
  const exportTarget: FileTarget = { kind: 'register', ...searched };
  // The last six years, and the one in the address if it is older.
  const years = [...new Set([...Array.from({ length: 6 }, (_, i) => String(thisYear - i)), ...(year ? [year] : [])])];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1} size="h2">
            {t('letters.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('letters.intro')}
          </Text>
        </Stack>
        <Button variant="default" disabled={files.busy} onClick={() => files.save(exportTarget)}>
          {t('letters.export')}
        </Button>
      </Group>

      <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('letters.filters')}>
        <TextInput
          label={t('letters.search')}
          placeholder={t('letters.searchPlaceholder')}
          value={search}
          maxLength={100}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            if (page !== 1) setFilter('page', '');
          }}
          style={{ flex: '1 1 260px' }}
        />
        <NativeSelect
          label={t('letters.year')}
          value={yearChoice}
          onChange={(e) => setFilter('year', e.currentTarget.value === String(thisYear) ? '' : e.currentTarget.value)}
          data={[...years.map((y) => ({ value: y, label: y })), { value: 'all', label: t('letters.allYears') }]}
        />
        <NativeSelect
          label={t('letters.type')}
          value={type}
          onChange={(e) => setFilter('type', e.currentTarget.value)}
          data={[
            { value: '', label: t('letters.allTypes') },
            ...(types.data ?? []).filter((x) => all || x.numbered).map((x) => ({ value: x.code, label: x.title })),
          ]}
        />
        <NativeSelect
          label={t('letters.status')}
          value={status}
          onChange={(e) => setFilter('status', e.currentTarget.value)}
          data={[
            { value: '', label: t('letters.allStatuses') },
            { value: 'active', label: t('documents.status.active') },
            { value: 'void', label: t('documents.status.void') },
          ]}
        />
        <Checkbox mb={8} label={t('letters.allDocuments')} checked={all} onChange={(e) => setFilter('all', e.currentTarget.checked ? '1' : '')} />
      </Group>

      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <FormError error={list.error} />
      ) : rows.length === 0 ? (
        <Text c="dimmed">{t('letters.none')}</Text>
      ) : (
        <>
          <DocumentTable rows={rows} onOpen={setOpenId} showCase testId="letter-register" />
          <Pager page={page} pageSize={pageSize} rows={rows.length} total={list.data.total} range="letters.range" onPage={(n) => setFilter('page', n > 1 ? String(n) : '')} testId="letter-count" />
        </>
      )}
      <DocumentDrawer id={openId} onClose={() => setOpenId(null)} onOpened={setOpenId} showCase />
      {files.modal}
    </Stack>
  );
}
