import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { simfoni, vocab, type PersonView } from '../../../../../electron/core/api/contract';
import { formatDate } from '../../../i18n/format';
import { optionLabel } from '../../../i18n/labels';
import { useCaseWorkspace } from '../workspace';
import { PersonFormModal } from './PersonFormModal';

type Dialog = { mode: 'add' } | { mode: 'edit'; person: PersonView } | null;

/** Everyone in the case, by role: age and "Anak", disability, companions, and what their NIK says. */
export function PersonsTab() {
  const { t } = useTranslation();
  const { base: c, editable } = useCaseWorkspace();
  const [dialog, setDialog] = useState<Dialog>(null);
  // A reporter who is also the victim is one person: shown once, among the victims, marked as the reporter.
  const victimIds = new Set(c.persons.filter((p) => p.role === 'victim').map((p) => p.personId));
  const shown = c.persons.filter((p) => !(p.role === 'reporter' && victimIds.has(p.personId)));
  const roles = vocab.personRoles.items.map((r) => r.code).filter((role) => shown.some((p) => p.role === role));

  return (
    <Stack gap="md">
      {editable && (
        <Group>
          <Button variant="light" onClick={() => setDialog({ mode: 'add' })}>
            {t('caseView.addPerson')}
          </Button>
        </Group>
      )}
      {roles.map((role) => (
        <Stack key={role} gap="xs" component="section" aria-label={optionLabel(vocab.personRoles.items, role)}>
          <Title order={2} size="h5">
            {optionLabel(vocab.personRoles.items, role)}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            {shown
              .filter((p) => p.role === role)
              .map((p) => (
                <PersonCard key={`${p.personId}-${p.role}`} person={p} onEdit={editable ? () => setDialog({ mode: 'edit', person: p }) : null} />
              ))}
          </SimpleGrid>
        </Stack>
      ))}
      {dialog && <PersonFormModal person={dialog.mode === 'edit' ? dialog.person : null} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

function PersonCard({ person: p, onEdit }: { person: PersonView; onEdit: (() => void) | null }) {
  const { t } = useTranslation();
  const { base: c } = useCaseWorkspace();
  const accompanied = p.companionOf ? c.persons.find((x) => x.personId === p.companionOf) : null;
  const companions = c.persons.filter((x) => x.role === 'companion' && x.companionOf === p.personId);
  const address = [p.address, p.rt && `RT ${p.rt}`, p.rw && `RW ${p.rw}`, p.regionName].filter(Boolean).join(', ');

  return (
    <Card withBorder padding="sm" data-testid={`person-${p.role}-${p.personId}`}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap={6}>
            <Text fw={600}>{p.fullName}</Text>
            {p.isChild && (
              <Badge color="orange" variant="filled" size="sm">
                {t('caseView.child')}
              </Badge>
            )}
            {p.disability && (
              <Badge color="violet" variant="light" size="sm">
                {t('caseView.disability')}
              </Badge>
            )}
            {p.role === 'victim' && c.persons.some((x) => x.role === 'reporter' && x.personId === p.personId) && (
              <Badge color="gray" variant="light" size="sm">
                {t('caseView.alsoReporter')}
              </Badge>
            )}
          </Group>
          {onEdit && (
            <Button size="compact-xs" variant="default" onClick={onEdit} aria-label={`${t('caseView.editPerson')} ${p.fullName}`}>
              {t('caseView.editPerson')}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {[
            p.age !== null ? t('caseView.age', { n: p.age }) : null,
            p.sex ? optionLabel(simfoni.SEXES, p.sex) : null,
            p.birthDate ? `${p.birthPlace ? `${p.birthPlace}, ` : ''}${formatDate(p.birthDate)}` : null,
            p.occupation ? optionLabel(simfoni.OCCUPATIONS, p.occupation) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {p.nik && <Text size="sm">NIK {p.nik}</Text>}
        {p.relation && (
          <Text size="sm">
            {t('caseView.relation')}: {optionLabel(simfoni.PERPETRATOR_RELATIONS, p.relation)}
          </Text>
        )}
        {accompanied && (
          <Text size="sm">
            {t('caseView.accompanies', {
              name: accompanied.fullName,
              type: optionLabel(vocab.companionTypes.items, p.companionType),
            })}
          </Text>
        )}
        {companions.length > 0 && (
          <Text size="sm">
            {t('caseView.accompaniedBy', {
              names: companions.map((x) => `${x.fullName} (${optionLabel(vocab.companionTypes.items, x.companionType)})`).join(', '),
            })}
          </Text>
        )}
        {p.disability && p.disabilityNote && <Text size="sm">{p.disabilityNote}</Text>}
        {p.phone && <Text size="sm">{p.phone}</Text>}
        {address && <Text size="sm">{address}</Text>}
        {p.warnings.map((w) => (
          <Alert key={w} color="yellow" variant="light" p="xs" data-testid="nik-warning">
            <Text size="xs">{w}</Text>
          </Alert>
        ))}
      </Stack>
    </Card>
  );
}
