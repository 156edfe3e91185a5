import { ActionIcon, Group, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseListRow } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { describeError } from '../../api/errors';
import { EyeIcon, EyeOffIcon } from './icons';

/**
 * A case's victims as the list shows them: masked ("S*** R***") until the officer reveals
 * one. Each reveal is a call the core writes to the audit trail; the name stays in this row
 * only, and is masked again when the list is left.
 */
export function VictimNames({ caseId, victims }: { caseId: string; victims: CaseListRow['victimNames'] }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Record<string, string>>({});
  const reveal = useMutation({
    mutationFn: (personId: string) => call('cases.revealName', { caseId, personId }),
    onSuccess: (result, personId) => setShown((s) => ({ ...s, [personId]: result.fullName })),
    onError: (error) => notifications.show({ color: 'red', title: t('errors.title'), message: describeError(error, t) }),
  });

  if (victims.length === 0) {
    return (
      <Text span size="sm" c="dimmed">
        {t('cases.noVictim')}
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      {victims.map((v) => {
        const name = shown[v.personId];
        return (
          <Group key={v.personId} gap={4} wrap="nowrap">
            <Text span size="sm" ff={name ? undefined : 'monospace'} data-testid="victim-name" title={name ? t('cases.revealedNote') : undefined}>
              {name ?? v.masked}
            </Text>
            <Tooltip label={name ? t('cases.hide') : t('cases.reveal', { masked: v.masked })} withinPortal>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                aria-label={name ? t('cases.hide') : t('cases.reveal', { masked: v.masked })}
                loading={reveal.isPending && reveal.variables === v.personId}
                onClick={(e) => {
                  e.stopPropagation();
                  if (name) setShown(({ [v.personId]: _gone, ...rest }) => rest);
                  else reveal.mutate(v.personId);
                }}
              >
                {name ? <EyeOffIcon /> : <EyeIcon />}
              </ActionIcon>
            </Tooltip>
          </Group>
        );
      })}
    </Stack>
  );
}
