import { Button, FileButton, Group, Image, Input, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { readAsDataUrl } from './readFile';

export const maxLogoBytes = 1_000_000;
const logoTypes = ['image/png', 'image/jpeg'];

interface Props {
  value: string | null;
  onChange: (dataUrl: string | null) => void;
  error?: React.ReactNode;
  onError: (message: string) => void;
}

/** Letterhead logo: PNG or JPEG up to 1 MB, read in the page (never uploaded anywhere else), with a preview. */
export function LogoInput({ value, onChange, error, onError }: Props) {
  const { t } = useTranslation();

  async function pick(file: File | null) {
    if (!file) return;
    if (!logoTypes.includes(file.type)) return onError(t('validation.logoType'));
    if (file.size > maxLogoBytes) return onError(t('validation.logoSize'));
    try {
      onChange(await readAsDataUrl(file));
    } catch {
      onError(t('validation.logoRead'));
    }
  }

  return (
    <Input.Wrapper label={t('office.logo')} description={t('office.logoHint')} error={error}>
      <Stack gap="xs" mt={4}>
        {value ? (
          <Image src={value} alt={t('office.logoPreview')} h={96} w="auto" fit="contain" maw={240} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('office.logoNone')}
          </Text>
        )}
        <Group gap="xs">
          <FileButton onChange={(f) => void pick(f)} accept="image/png,image/jpeg">
            {(props) => (
              <Button variant="default" size="xs" {...props}>
                {value ? t('office.logoChange') : t('office.logoChoose')}
              </Button>
            )}
          </FileButton>
          {value && (
            <Button variant="subtle" color="red" size="xs" onClick={() => onChange(null)}>
              {t('office.logoRemove')}
            </Button>
          )}
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
