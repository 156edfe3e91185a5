import { Alert, Badge, Button, CloseButton, Group, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vocab, type DuplicateCandidate } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { useServices } from '../../api/queries';
import { formatDate } from '../../i18n/format';
import { optionLabel } from '../../i18n/labels';
import type { PersonValues } from './intakeValues';

/** What the duplicate check is asked: a whole NIK, or a name with a birth date. */
function lookupOf(person: PersonValues): { nik: string; fullName: string; birthDate?: string } | null {
  const nik = /^\d{16}$/.test(person.nik.trim()) ? person.nik.trim() : '';
  const fullName = person.fullName.trim();
  const byName = fullName.length >= 3 && !!person.birthDate;
  if (!nik && !byName) return null;
  return { nik, fullName, ...(person.birthDate ? { birthDate: person.birthDate } : {}) };
}

/**
 * People already in the register who may be the one being typed: offered, never forced.
 * Their earlier cases help the officer recognise them.
 */
export function DuplicateNotice({ person, onUse }: { person: PersonValues; onUse: (candidate: DuplicateCandidate) => void }) {
  const { t } = useTranslation();
  const services = useServices();
  const [lookupKey] = useDebouncedValue(JSON.stringify(lookupOf(person)), 600);
  const lookup = JSON.parse(lookupKey) as ReturnType<typeof lookupOf>;
  const [dismissed, setDismissed] = useState<string | null>(null);
  const found = useQuery({
    queryKey: ['persons.findDuplicates', lookupKey],
    queryFn: () => call('persons.findDuplicates', lookup!),
    enabled: lookup !== null,
    staleTime: 30_000,
  });
  const candidates = lookup ? (found.data ?? []) : [];
  if (candidates.length === 0 || dismissed === lookupKey) return null;

  const serviceName = (code: string) =>
    services.data?.find((s) => s.code === code)?.definition.shortName ?? code;

  return (
    <Alert color="blue" variant="light" p="sm" role="status" data-testid="duplicates">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text fw={600} size="sm">
          {t('intake.duplicates.title')}
        </Text>
        <CloseButton size="sm" aria-label={t('common.close')} onClick={() => setDismissed(lookupKey)} />
      </Group>
      <Stack gap="xs" mt="xs">
        {candidates.map((c) => (
          <Group key={c.personId} justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
            <Stack gap={2}>
              <Text size="sm">
                <Text span fw={600}>
                  {c.fullName}
                </Text>
                {c.nik && ` · NIK ${c.nik}`}
                {c.birthDate && ` · ${t('intake.duplicates.born', { date: formatDate(c.birthDate) })}`}{' '}
                <Badge size="xs" variant="outline">
                  {c.reason === 'same_nik' ? t('intake.duplicates.sameNik') : t('intake.duplicates.similarName')}
                </Badge>
              </Text>
              {c.cases.length === 0 ? (
                <Text size="xs" c="dimmed">
                  {t('intake.duplicates.noCases')}
                </Text>
              ) : (
                c.cases.map((k) => (
                  <Text size="xs" key={`${k.id}-${k.role}`}>
                    {k.registerNo} · {serviceName(k.serviceCode)} · {optionLabel(vocab.caseStatuses.items, k.status)} ·{' '}
                    {optionLabel(vocab.personRoles.items, k.role)}
                  </Text>
                ))
              )}
            </Stack>
            <Button size="compact-sm" variant="light" onClick={() => onUse(c)}>
              {t('intake.duplicates.use')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
