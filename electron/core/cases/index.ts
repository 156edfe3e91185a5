export { intakeHandlers, registerCase } from './intake';
export { formatRegisterNo } from './register-number';
export { caseEditHandlers } from './edit';
export { caseListRows, findHandlers, ftsQuery, type CaseListSource } from './find';
export { caseDetail, maskName } from './repository';
export { foldSearchIndexBatch } from './mutate';
export { victimHandlers } from './victims';
export { SERVICE_OF_INSTITUTION_KIND, SERVICE_OF_STEP } from './service-records';
