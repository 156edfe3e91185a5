import { Alert, Anchor } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call } from '../../api/client';
import { keys } from '../../api/queries';
import { formatDateTime } from '../../i18n/format';

/** How old a newest backup may be before the administrator is told on the dashboard. */
const STALE_MS = 3 * 24 * 60 * 60 * 1000;

/**
 * For whoever looks after the settings: a word on the dashboard when the register has no backup
 * elsewhere, the backup folder cannot be written, or the newest backup is days old.
 */
export function BackupNotice() {
  const { t } = useTranslation();
  const status = useQuery({ queryKey: keys.backup, queryFn: () => call('backup.status', {}) });
  const s = status.data;
  if (!s) return null;
  const newest = s.backups[0];
  const message = !s.folder
    ? t('backup.noneText')
    : s.folderProblem
      ? s.folderProblem
      : !newest
        ? t('backup.noneYet')
        : Date.now() - Date.parse(newest.createdAt) > STALE_MS
          ? t('backup.stale', { when: formatDateTime(newest.createdAt) })
          : null;
  if (!message) return null;
  return (
    <Alert color="orange" variant="light" role="note" title={t('backup.noticeTitle')} data-testid="backup-notice">
      {message}{' '}
      <Anchor component={Link} to="/settings" size="sm">
        {t('backup.noticeLink')}
      </Anchor>
    </Alert>
  );
}
