export { intakeHandlers, registerCase, formatRegisterNo } from './intake';
export { caseEditHandlers } from './edit';
export { findHandlers, ftsQuery } from './find';
export { caseDetail, maskName } from './repository';
