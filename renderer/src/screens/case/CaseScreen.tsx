import { Alert, Badge, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { CaseDetail } from '../../../../electron/core/api/contract';
import { keys, useCaseDetail } from '../../api/queries';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { CaseHeader } from './CaseHeader';
import { ChangesModal } from './ChangesModal';
import { DeadlineList } from './DeadlineList';
import { DocumentsTab } from './DocumentsTab';
import { HistoryTab } from './HistoryTab';
import { ItemsTab } from './items/ItemsTab';
import { itemKindsOf } from './items/itemKinds';
import { PersonsTab } from './persons/PersonsTab';
import { RequirementsTab } from './RequirementsTab';
import { SimfoniTab } from './SimfoniTab';
import { StepsTab } from './steps/StepsTab';
import { SummaryTab } from './SummaryTab';
import { CaseWorkspaceProvider, useCaseWorkspaceState } from './workspace';

export const casePath = (id: string) => `/cases/${id}`;

/** Route /cases/:id. */
export function CaseScreen() {
  const { id = '' } = useParams();
  const client = useQueryClient();
  const query = useCaseDetail(id);

  // Only this case's changes concern this screen (every read of a case is audited).
  useEffect(() => {
    const unsubscribe = window.teduh?.subscribe((event) => {
      if (event.id === id && event.type.startsWith('case.')) void client.invalidateQueries({ queryKey: keys.caseDetail(id) });
    });
    return () => unsubscribe?.();
  }, [id, client]);

  if (query.isPending) return <Loading />;
  if (query.isError) return <FormError error={query.error} />;
  return <CaseWorkspace key={id} latest={query.data} />;
}

type TabKey = 'summary' | 'persons' | 'requirements' | 'steps' | 'items' | 'simfoni' | 'documents' | 'history';

function CaseWorkspace({ latest }: { latest: CaseDetail }) {
  const { t } = useTranslation();
  const state = useCaseWorkspaceState(latest);
  const { workspace, epoch, waiting, shown } = state;
  const c = workspace.base;
  const [tab, setTab] = useState<TabKey>('steps');
  const requirementsDone = c.requirements.filter((r) => r.status !== 'missing').length;
  const showItems = itemKindsOf(c).length > 0;
  // SIMFONI counts victims: a complaint about the service itself has none.
  const showSimfoni = c.standard.kind === 'case';

  return (
    <CaseWorkspaceProvider value={workspace}>
      <Stack gap="md" maw={1100}>
        <CaseHeader />
        {waiting && (
          <Alert color="yellow" variant="light" role="status" title={t('caseView.waitingTitle')}>
            <Group justify="space-between" align="flex-end">
              <Text size="sm">{t('caseView.waitingText')}</Text>
              <Button size="xs" variant="default" onClick={() => workspace.reload(waiting)}>
                {t('caseView.waitingLoad')}
              </Button>
            </Group>
          </Alert>
        )}
        <DeadlineList />
        <Tabs value={tab} onChange={(v) => v && setTab(v as TabKey)} keepMountedMode="display-none">
          <Tabs.List>
            <Tabs.Tab value="summary">{t('caseView.tabs.summary')}</Tabs.Tab>
            <Tabs.Tab value="persons" rightSection={<Count n={new Set(c.persons.map((p) => p.personId)).size} />}>
              {t('caseView.tabs.persons')}
            </Tabs.Tab>
            <Tabs.Tab
              value="requirements"
              rightSection={c.requirements.length ? <Count n={`${requirementsDone}/${c.requirements.length}`} /> : null}
            >
              {t('caseView.tabs.requirements')}
            </Tabs.Tab>
            <Tabs.Tab value="steps">{t('caseView.tabs.steps')}</Tabs.Tab>
            {showItems && (
              <Tabs.Tab value="items" rightSection={<Count n={c.items.length} />}>
                {t('caseView.tabs.items')}
              </Tabs.Tab>
            )}
            {showSimfoni && <Tabs.Tab value="simfoni">{t('caseView.tabs.simfoni')}</Tabs.Tab>}
            <Tabs.Tab value="documents">{t('caseView.tabs.documents')}</Tabs.Tab>
            <Tabs.Tab value="history">{t('caseView.tabs.history')}</Tabs.Tab>
          </Tabs.List>
          <div key={epoch}>
            <Tabs.Panel value="summary" pt="md">
              <SummaryTab />
            </Tabs.Panel>
            <Tabs.Panel value="persons" pt="md">
              <PersonsTab />
            </Tabs.Panel>
            <Tabs.Panel value="requirements" pt="md">
              <RequirementsTab />
            </Tabs.Panel>
            <Tabs.Panel value="steps" pt="md">
              <StepsTab onShowItems={() => setTab('items')} onShowDocuments={() => setTab('documents')} />
            </Tabs.Panel>
            {showItems && (
              <Tabs.Panel value="items" pt="md">
                <ItemsTab />
              </Tabs.Panel>
            )}
            {showSimfoni && (
              <Tabs.Panel value="simfoni" pt="md">
                <SimfoniTab />
              </Tabs.Panel>
            )}
            <Tabs.Panel value="documents" pt="md">
              {tab === 'documents' && <DocumentsTab />}
            </Tabs.Panel>
            <Tabs.Panel value="history" pt="md">
              <HistoryTab />
            </Tabs.Panel>
          </div>
        </Tabs>
      </Stack>
      <ChangesModal shown={shown} onClose={state.dismissShown} />
    </CaseWorkspaceProvider>
  );
}

function Count({ n }: { n: number | string }) {
  return (
    <Badge size="sm" variant="light" color="gray" circle={typeof n === 'number' && n < 10}>
      {n}
    </Badge>
  );
}
