export { appendAudit, verifyAuditChain, verifyAuditChainSince, GENESIS_HASH, type AuditInput } from './chain';
export { verifyRegister, type RegisterCheck } from './verify-register';
export { pendingAsAudit, queuePendingAudit } from './pending';
