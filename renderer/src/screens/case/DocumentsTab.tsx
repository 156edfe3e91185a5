import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiCallError } from '../../api/client';
import { useCan, useDocumentList, useDocumentTypes, useInstitutions } from '../../api/queries';
import { LoadedList } from '../../components/LoadedList';
import { DocumentDrawer } from '../documents/DocumentDrawer';
import { DocumentTable } from '../documents/DocumentTable';
import { GenerateDocumentModal, type GenerateRequest } from '../documents/GenerateDocumentModal';
import { isCaseDetail, useCaseWorkspace } from './workspace';

/**
 * The case's letters, minutes and reports: the ones made so far, and the ones its service
 * calls for, each made from the step that produces it, with what stands in the way or would
 * be left blank said before anything is made.
 */
export function DocumentsTab() {
  const { t } = useTranslation();
  const can = useCan();
  const ws = useCaseWorkspace();
  const c = ws.base;
  const types = useDocumentTypes(c.id);
  const made = useDocumentList({ caseId: c.id, pageSize: 200 });
  const institutions = useInstitutions(true);
  const [request, setRequest] = useState<GenerateRequest | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const mayWork = can('cases.work');

  const names = new Map((institutions.data ?? []).map((i) => [i.id, i.name]));
  const referrals = c.items
    .filter((i) => i.kind === 'referral')
    .map((i) => ({ value: i.id, label: `${i.seq}. ${names.get(String(i.data.institutionId ?? '')) ?? t('documents.generate.referralUnknown')}` }));
  const offered = (types.data ?? []).filter((x) => x.steps.length > 0);

  const onConflict = (e: ApiCallError) => {
    if (isCaseDetail(e.current)) ws.reload(e.current);
  };

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('documents.caseMade')}
        </Title>
        <LoadedList query={made} rows={made.data?.rows} empty={t('documents.caseNone')} emptySize="sm">
          {(list) => <DocumentTable rows={list} onOpen={setOpenId} testId="case-documents" />}
        </LoadedList>
      </Stack>

      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('documents.caseOffered')}
        </Title>
        <LoadedList query={types} rows={offered}>
          {(list) => (
            <Table verticalSpacing="xs" data-testid="case-document-types">
              <Table.Tbody>
                {list.map((type) => (
                  <Table.Tr key={type.code}>
                    <Table.Td>
                      <Group gap="xs">
                        <Text size="sm" fw={500}>
                          {type.title}
                        </Text>
                        {type.existing > 0 && (
                          <Badge size="sm" variant="light" color="teal">
                            {t('documents.madeCount', { count: type.existing })}
                          </Badge>
                        )}
                      </Group>
                      <Text size="xs" c="dimmed">
                        {t('documents.fromStep', { steps: type.steps.map((s) => s.label).join(', ') })}
                      </Text>
                      {type.problem ? (
                        <Text size="xs" c="red.8">
                          {type.problem}
                        </Text>
                      ) : (
                        type.missing.length > 0 && (
                          <Text size="xs" c="yellow.9">
                            {t('documents.blanks', { fields: type.missing.join(', ') })}
                          </Text>
                        )
                      )}
                    </Table.Td>
                    <Table.Td w={140} ta="right">
                      {mayWork && !type.mayMake && (
                        <Text size="xs" c="dimmed">
                          {t('documents.byOthers')}
                        </Text>
                      )}
                      {mayWork && type.mayMake && (
                        <Button
                          size="xs"
                          variant={type.existing > 0 ? 'default' : 'light'}
                          disabled={!!type.problem}
                          aria-label={t('documents.makeNamed', { type: type.title })}
                          onClick={() => setRequest({ caseId: c.id, caseVersion: c.version, type, referrals })}
                        >
                          {t('documents.make')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </LoadedList>
      </Stack>

      <GenerateDocumentModal
        request={request}
        onClose={() => setRequest(null)}
        onMade={(doc) => {
          setRequest(null);
          setOpenId(doc.id);
        }}
        onConflict={onConflict}
      />
      <DocumentDrawer id={openId} onClose={() => setOpenId(null)} onOpened={setOpenId} caseVersion={c.version} />
    </Stack>
  );
}
