export { intakeHandlers, registerCase } from './intake';
export { formatRegisterNo } from './register-number';
export { caseEditHandlers } from './edit';
export { caseListRows, findHandlers, ftsQuery, type CaseListSource } from './find';
export { caseDetail, maskName } from './repository';
