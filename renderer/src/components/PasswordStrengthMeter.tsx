import { Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_SCORE, passwordStrength, type PasswordContext, type PasswordStrength } from '../../../electron/core/api/password-strength';

const COLORS = ['red', 'red', 'orange', 'teal', 'green'] as const;
const LEVELS = ['veryWeak', 'weak', 'fair', 'strong', 'veryStrong'] as const;

/**
 * How hard the password being typed is to guess, by the same rule the core applies when it
 * is saved: a bar, a word and, while it is too weak, why.
 */
export function PasswordStrengthMeter({ password, context }: { password: string; context?: PasswordContext }) {
  const { t } = useTranslation();
  const [strength, setStrength] = useState<PasswordStrength | null>(null);
  const { username, fullName, officeName } = context ?? {};

  useEffect(() => {
    if (!password) {
      setStrength(null);
      return;
    }
    let current = true;
    void passwordStrength(password, { username, fullName, officeName }).then((s) => current && setStrength(s));
    return () => {
      current = false;
    };
  }, [password, username, fullName, officeName]);

  if (!password || !strength) return null;
  const level = t(`passwordStrength.levels.${LEVELS[strength.score]}`);
  return (
    <Stack gap={4} data-testid="password-strength">
      <Progress
        value={((strength.score + 1) / 5) * 100}
        color={COLORS[strength.score]}
        size="sm"
        aria-label={t('passwordStrength.label')}
        aria-valuetext={level}
      />
      <Text size="xs" c={strength.score >= MIN_PASSWORD_SCORE ? 'dimmed' : 'red.8'}>
        {t('passwordStrength.label')}: {level}
        {strength.hint ? ` — ${t(`passwordStrength.hints.${strength.hint}`)}` : ''}
      </Text>
    </Stack>
  );
}
