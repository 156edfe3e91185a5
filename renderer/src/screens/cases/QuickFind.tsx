import '@mantine/spotlight/styles.css';
import { Button, Kbd, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, createSpotlight } from '@mantine/spotlight';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { vocab } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { useCan, useServices } from '../../api/queries';
import { optionLabel } from '../../i18n/labels';
import { isSearchable } from './CasesScreen';
import { useServiceName } from './CaseTable';
import { SearchIcon } from './icons';

const RESULTS = 8;

/** The quick-find box's own store, so Enter can open the first case found when none is highlighted. */
const [finderStore, finder] = createSpotlight();

/**
 * Ctrl+K, from anywhere (inside a form too): find a case by register number, name, NIK,
 * phone or words of its chronology and open it; or start a new intake of a service.
 */
export function QuickFind() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const services = useServices();
  const serviceName = useServiceName();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const term = isSearchable(debounced) ? debounced : '';
  const found = useQuery({
    queryKey: ['cases.quickFind', term],
    queryFn: () => call('cases.list', { search: term, pageSize: RESULTS }),
    enabled: term !== '' && can('cases.read'),
    staleTime: 10_000,
  });

  const words = query.trim().toLowerCase();
  const intakeActions = can('cases.create')
    ? (services.data ?? [])
        .filter((s) => s.enabled)
        .map((s) => ({ code: s.code, label: t('cases.quickFind.newIntake', { service: s.definition.shortName }) }))
        .filter((a) => !words || a.label.toLowerCase().includes(words))
    : [];
  const rows = term ? (found.data?.rows ?? []) : [];

  return (
    <>
      <Button
        variant="default"
        size="xs"
        leftSection={<SearchIcon size={14} />}
        rightSection={<Kbd size="xs">Ctrl K</Kbd>}
        onClick={() => finder.open()}
        style={{ flexShrink: 0 }}
      >
        {t('cases.quickFind.shortcut')}
      </Button>
      <Spotlight.Root
        store={finderStore}
        query={query}
        onQueryChange={setQuery}
        shortcut={['mod + K']}
        tagsToIgnore={[]}
        scrollable
        maxHeight={480}
      >
        <Spotlight.Search
          placeholder={t('cases.quickFind.placeholder')}
          leftSection={<SearchIcon />}
          aria-label={t('cases.quickFind.shortcut')}
          onKeyDown={(e) => {
            // Enter with nothing highlighted (the results came after the typing) opens the first case found.
            const first = rows[0];
            if (e.key === 'Enter' && first && finderStore.getState().selected < 0) {
              e.preventDefault();
              finder.close();
              navigate(`/cases/${first.id}`);
            }
          }}
        />
        <Spotlight.ActionsList>
          {can('cases.read') && (
            <Spotlight.ActionsGroup label={t('cases.quickFind.casesGroup')}>
              {rows.map((row) => (
                <Spotlight.Action
                  key={row.id}
                  label={row.registerNo}
                  description={[
                    row.victimNames.map((v) => v.masked).join(', '),
                    serviceName(row.serviceCode),
                    optionLabel(vocab.caseStatuses.items, row.status),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                  onClick={() => navigate(`/cases/${row.id}`)}
                />
              ))}
            </Spotlight.ActionsGroup>
          )}
          {can('cases.read') && (
            <Text size="sm" c="dimmed" px="md" py="xs" role="status">
              {!term
                ? t('cases.quickFind.hint')
                : found.isFetching && rows.length === 0
                  ? t('cases.quickFind.searching')
                  : rows.length === 0
                    ? t('cases.quickFind.nothing')
                    : ''}
            </Text>
          )}
          {intakeActions.length > 0 && (
            <Spotlight.ActionsGroup label={t('cases.quickFind.actionsGroup')}>
              {intakeActions.map((a) => (
                <Spotlight.Action
                  key={a.code}
                  label={a.label}
                  description={t('cases.quickFind.newIntakeHint')}
                  onClick={() => navigate(`/intake/${a.code}`)}
                />
              ))}
            </Spotlight.ActionsGroup>
          )}
        </Spotlight.ActionsList>
      </Spotlight.Root>
    </>
  );
}
