import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, languages, setLanguage, type Language } from '../i18n';

export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      size={size}
      aria-label={t('shell.language')}
      value={currentLanguage()}
      onChange={(value) => void setLanguage(value as Language)}
      data={languages.map((lng) => ({ value: lng, label: t(`language.${lng}`) }))}
    />
  );
}
