import './reflect-metadata';
import { createHash, X509Certificate, webcrypto } from 'node:crypto';

type X509 = typeof import('@peculiar/x509');
let x509Loaded: Promise<X509> | null = null;

/**
 * `@peculiar/x509`, loaded on first use. Not a static import: a bundler hoists external
 * imports above the bundle's own code, and the library needs the Reflect metadata
 * functions (./reflect-metadata) to exist before it loads.
 */
function loadX509(): Promise<X509> {
  x509Loaded ??= import('@peculiar/x509').then((x509) => {
    x509.cryptoProvider.set(webcrypto as unknown as Crypto);
    return x509;
  });
  return x509Loaded;
}

/** A key pair and its self-signed certificate, as PEM (what node:tls takes). */
export interface TlsIdentity {
  keyPem: string;
  certPem: string;
  /** SHA-256 of the certificate's DER, lowercase hex: what is pinned and compared. */
  fingerprint: string;
}

const EC_P256_SHA256 = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

/**
 * Makes a fresh EC P-256 key and a self-signed certificate (SHA-256 signature) for the
 * host (server authentication) or a client PC (client authentication). Certificates are
 * pinned by fingerprint, never checked against a name, so the host keeps working when its
 * address changes; they are valid for 30 years because an expired pin would strand an
 * office without IT staff.
 */
export async function createTlsIdentity(role: 'host' | 'device', commonName: string, now = new Date()): Promise<TlsIdentity> {
  const x509 = await loadX509();
  const keys = (await webcrypto.subtle.generateKey(EC_P256_SHA256, true, ['sign', 'verify'])) as CryptoKeyPair;
  const serial = Buffer.from(webcrypto.getRandomValues(new Uint8Array(16)));
  serial[0] = serial[0]! & 0x7f; // positive, as RFC 5280 asks
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial.toString('hex'),
    name: [{ CN: [commonName] }, { O: ['Teduh'] }],
    notBefore: new Date(now.getTime() - 24 * 3600_000),
    notAfter: new Date(now.getTime() + 30 * 365 * 24 * 3600_000),
    signingAlgorithm: EC_P256_SHA256,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([role === 'host' ? x509.ExtendedKeyUsage.serverAuth : x509.ExtendedKeyUsage.clientAuth]),
    ],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const keyPem = toPem('PRIVATE KEY', pkcs8);
  pkcs8.fill(0);
  const certPem = cert.toString('pem');
  return { keyPem, certPem, fingerprint: fingerprintOf(certPem) };
}

function toPem(label: string, der: Buffer): string {
  const body = der.toString('base64').match(/.{1,64}/g)!.join('\n');
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

/** The certificate's DER bytes. */
export function certificateDer(certPem: string): Buffer {
  return new X509Certificate(certPem).raw;
}

export function pemFromDer(der: Buffer): string {
  return toPem('CERTIFICATE', der);
}

/** SHA-256 of a certificate's DER (PEM or DER given), lowercase hex without separators. */
export function fingerprintOf(cert: string | Buffer): string {
  const der = typeof cert === 'string' ? certificateDer(cert) : cert;
  return createHash('sha256').update(der).digest('hex');
}

/** Node's `fingerprint256` form (AA:BB:...) to ours. */
export function normalizeFingerprint(fp: string): string {
  return fp.replace(/:/g, '').toLowerCase();
}

/**
 * The short form shown to people and put in the mDNS record: the first 16 hex digits in
 * groups of four ("3c3c-f5cf-4e68-2652"). Enough to tell PCs apart by eye; the full
 * fingerprint is what the TLS layer pins.
 */
export function shortFingerprint(fp: string): string {
  return normalizeFingerprint(fp).slice(0, 16).match(/.{4}/g)!.join('-');
}
