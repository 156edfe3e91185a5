export { intakeHandlers, registerCase } from './intake';
export { formatRegisterNo } from './register-number';
export { caseEditHandlers } from './edit';
export { findHandlers, ftsQuery } from './find';
export { caseDetail, maskName } from './repository';
export { foldSearchIndexBatch } from './mutate';
