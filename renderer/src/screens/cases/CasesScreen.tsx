import { Alert, Button, Checkbox, Group, Menu, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { caseSortKeys, vocab, type CaseSortKey, type ServiceView } from '../../../../electron/core/api/contract';
import { useCan, useCaseList, useServices, type CaseFilter } from '../../api/queries';
import { DateField } from '../../components/DateField';
import { LoadedList } from '../../components/LoadedList';
import { Pager } from '../../components/Pager';
import { useUrlFilters } from '../../components/useUrlFilters';
import { optionData } from '../../i18n/labels';
import { CaseTable } from './CaseTable';
import { SearchIcon } from './icons';

export const casePageSize = 50;
/** The core stops counting here and reports one more ("1.000+"). */
const COUNT_CAP = 1000;

/**
 * What was searched on each list, kept in memory only: the words may be a victim's name, so
 * they stay out of the address and off the disk, and a lock (which reloads) forgets them.
 */
const lastSearch = new Map<string, string>();

/** A word of three or more letters: what the core's full-text search needs. */
export function isSearchable(text: string): boolean {
  return text.split(/\s+/).some((w) => [...w.replace(/"/g, '')].length >= 3);
}

function NewCaseButton({ service, services }: { service: ServiceView | null; services: ServiceView[] }) {
  const { t } = useTranslation();
  if (service) {
    return (
      <Button component={Link} to={`/intake/${service.code}`} size="md">
        {t('cases.newComplaint')}
      </Button>
    );
  }
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="md">{t('cases.newCase')}</Button>
      </Menu.Target>
      <Menu.Dropdown>
        {services
          .filter((s) => s.enabled)
          .map((s) => (
            <Menu.Item key={s.code} component={Link} to={`/intake/${s.code}`}>
              {s.definition.shortName}
            </Menu.Item>
          ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/**
 * The case register as a list: all cases, or one service's (`service`). Filters live in the
 * address, so going back from a case returns to the same page; search words do not.
 */
export function CasesScreen({ service: fixedService }: { service?: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const services = useServices();
  const filters = useUrlFilters();
  const setFilter = filters.set;
  const listKey = fixedService ?? '*';
  const [search, setSearch] = useState(() => lastSearch.get(listKey) ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 350);
  const searchTerm = isSearchable(debounced) ? debounced : '';

  const serviceCode = fixedService ?? filters.get('service') ?? '';
  const status = filters.get('status') ?? '';
  const overdue = filters.get('overdue') === '1';
  const mine = filters.get('mine') === '1';
  const from = filters.get('from') ?? '';
  const to = filters.get('to') ?? '';
  const page = filters.page;
  const sortBy = (caseSortKeys as readonly string[]).includes(filters.get('sort') ?? '') ? (filters.get('sort') as CaseSortKey) : 'created';
  const sortDir = filters.get('dir') === 'asc' ? 'asc' : 'desc';

  useEffect(() => {
    lastSearch.set(listKey, search);
  }, [listKey, search]);

  const filter: CaseFilter = {
    ...(serviceCode ? { serviceCode: serviceCode as NonNullable<CaseFilter['serviceCode']> } : {}),
    ...(status ? { status: status as NonNullable<CaseFilter['status']> } : {}),
    ...(overdue ? { overdue: true } : {}),
    ...(mine ? { assignedToMe: true } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(searchTerm ? { search: searchTerm } : {}),
    sort: sortBy,
    dir: sortDir,
    page,
    pageSize: casePageSize,
  };
  const list = useCaseList(filter);

  const service = fixedService ? (services.data?.find((s) => s.code === fixedService) ?? null) : null;
  if (fixedService && services.isSuccess && !service?.enabled) {
    return <Alert color="yellow">{t('intake.notOffered')}</Alert>;
  }

  const total = list.data?.total ?? 0;
  const rows = list.data?.rows ?? [];
  const anyFilter = !!(status || overdue || mine || from || to || (!fixedService && serviceCode) || search);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1} size="h2">
            {service ? service.definition.shortName : t('cases.title')}
          </Title>
          {service && (
            <Text size="sm" c="dimmed">
              {service.definition.name}
            </Text>
          )}
        </Stack>
        {can('cases.create') && services.data && <NewCaseButton service={service} services={services.data} />}
      </Group>

      <Stack gap="xs" role="search" aria-label={t('cases.filters')}>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label={t('cases.search')}
            placeholder={t('cases.searchPlaceholder')}
            leftSection={<SearchIcon />}
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              // A new search starts at the first page.
              if (page !== 1) setFilter('page', '');
            }}
            description={search.trim() && !isSearchable(search.trim()) ? t('cases.searchMin') : undefined}
            inputWrapperOrder={['label', 'input', 'description']}
            maxLength={100}
            autoFocus
            style={{ flex: '1 1 320px' }}
          />
          {!fixedService && (
            <NativeSelect
              label={t('cases.service')}
              value={serviceCode}
              onChange={(e) => setFilter('service', e.currentTarget.value)}
              data={[
                { value: '', label: t('cases.allServices') },
                ...(services.data ?? []).map((s) => ({ value: s.code, label: s.definition.shortName })),
              ]}
            />
          )}
          <NativeSelect
            label={t('cases.status')}
            value={status}
            onChange={(e) => setFilter('status', e.currentTarget.value)}
            data={[{ value: '', label: t('cases.allStatuses') }, ...optionData(vocab.caseStatuses.items)]}
          />
        </Group>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <DateField label={t('cases.dateFrom')} value={from || null} onChange={(v) => setFilter('from', v ?? '')} clearable w={150} />
          <DateField label={t('cases.dateTo')} value={to || null} onChange={(v) => setFilter('to', v ?? '')} clearable w={150} />
          <Checkbox mb={8} label={t('cases.overdueOnly')} checked={overdue} onChange={(e) => setFilter('overdue', e.currentTarget.checked ? '1' : '')} />
          <Checkbox mb={8} label={t('cases.mineOnly')} checked={mine} onChange={(e) => setFilter('mine', e.currentTarget.checked ? '1' : '')} />
          {anyFilter && (
            <Button
              variant="subtle"
              onClick={() => {
                setSearch('');
                filters.clear();
              }}
            >
              {t('cases.clearFilters')}
            </Button>
          )}
        </Group>
      </Stack>

      <LoadedList query={list} rows={rows} empty={t('cases.none')}>
        {() => (
          <>
            <CaseTable
              rows={rows}
              testId="case-list"
              sort={{
                by: sortBy,
                dir: sortDir,
                // The same column again turns the direction; another starts with its most useful end.
                onSort: (by) => {
                  const dir = by === sortBy ? (sortDir === 'asc' ? 'desc' : 'asc') : by === 'due' || by === 'registerNo' ? 'asc' : 'desc';
                  const usual = by === 'created' && dir === 'desc';
                  filters.setMany({ sort: usual ? '' : by, dir: usual ? '' : dir });
                },
              }}
            />
            <Pager
              page={page}
              pageSize={casePageSize}
              rows={rows.length}
              total={total}
              cap={COUNT_CAP}
              range="cases.range"
              onPage={(n) => setFilter('page', n > 1 ? String(n) : '')}
              testId="case-count"
            />
          </>
        )}
      </LoadedList>
    </Stack>
  );
}

/** `/service/:service`: one service's case list, with its "new complaint" button. */
export function ServiceCasesScreen() {
  const { service = '' } = useParams();
  return <CasesScreen key={service} service={service} />;
}
