import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoment } from './format';
import { useCaseWorkspace } from './workspace';

/** Every deadline of the case: when it falls due, and how much time is left (or that it is late). */
export function DeadlineList() {
  const { t } = useTranslation();
  const { base: c } = useCaseWorkspace();
  if (c.deadlines.length === 0) return null;

  return (
    <Card withBorder padding="sm" component="section" aria-label={t('caseView.deadlines')}>
      <Stack gap={6}>
        {c.deadlines.map((d) => {
          const state = d.metAt ? 'met' : d.overdue ? 'overdue' : d.dueAt ? 'running' : 'waiting';
          return (
            <Group key={d.code} justify="space-between" wrap="nowrap" data-testid={`deadline-${d.code}`}>
              <Stack gap={0} miw={0}>
                <Text size="sm" fw={600}>
                  {t('caseView.deadline')}: {d.label}
                </Text>
                <Text size="sm" c="dimmed">
                  {d.dueAt ? t('caseView.dueAt', { at: formatMoment(d.dueAt) }) : t('caseView.dueWaiting')}
                </Text>
              </Stack>
              <Group gap="xs" wrap="nowrap">
                {state === 'overdue' && (
                  <Badge color="red" variant="filled">
                    {t('caseView.overdue')}
                  </Badge>
                )}
                {state === 'met' && (
                  <Badge color="teal" variant="light">
                    {t('caseView.met')}
                  </Badge>
                )}
                {d.dueAt && (
                  <Text size="sm" c={state === 'overdue' ? 'red.7' : undefined} fw={state === 'overdue' ? 600 : undefined}>
                    {d.describe}
                  </Text>
                )}
              </Group>
            </Group>
          );
        })}
      </Stack>
    </Card>
  );
}
