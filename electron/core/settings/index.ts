export { readGeneralSettings, DEFAULT_SETTINGS, type GeneralSettings } from './general';
export { settingsHandlers } from './handlers';
