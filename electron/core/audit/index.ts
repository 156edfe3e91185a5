export { appendAudit, verifyAuditChain, GENESIS_HASH, type AuditInput } from './chain';
