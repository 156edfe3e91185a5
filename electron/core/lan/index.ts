/**
 * LAN sharing: one PC (the host) serves its register to paired PCs over mutual TLS 1.3;
 * the others (clients) forward their calls to it and keep no case data.
 */
export { LanHostService, HOST_LOCKED_MESSAGE, lanAddresses, type LanHostOptions } from './host';
export { lanHandlers, hostIdentityFor, writeHostSettings, confirmPairing, defaultHostName, type HostSettings } from './handlers';
export { createLanClient, classifyConnectionError, type LanClient, type LanClientOptions, type LanConnectionState } from './client';
export { requestPairing, PairingError, type PairedHost, type PairingAttempt } from './pair-client';
export { advertiseHost, browseHosts, SERVICE_TYPE, type DiscoveredHost, type MdnsOptions } from './discovery';
export { fileSecretStore, autoUnlockEnabled, type UnlockSecretStore } from './auto-unlock';
export { createTlsIdentity, fingerprintOf, shortFingerprint, normalizeFingerprint, type TlsIdentity } from './identity';
export { pairingCode, pairingCommitment } from './pairing-code';
export { API_SERVERNAME, PAIRING_SERVERNAME } from './sni-router';
