import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function Loading() {
  const { t } = useTranslation();
  return (
    <Center p="xl" aria-busy="true" aria-label={t('app.loading')}>
      <Loader />
    </Center>
  );
}
