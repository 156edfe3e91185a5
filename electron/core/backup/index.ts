export { backupHandlers, dailyBackup } from './handlers';
export { restoreBackup, listBackups, readBackupSettings, makeBackup, type RestoreResult } from './service';
export { BackupFileError, readBackupHeader } from './file';
export { registerProblemFor, registerProblemView } from './problem';
