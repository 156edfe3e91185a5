import { createServer } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { classifyConnectionError, createTlsIdentity, fingerprintOf, shortFingerprint } from '../../electron/core/lan';
import { commitmentMatches, newPairingNonce, pairingCode, pairingCommitment } from '../../electron/core/lan/pairing-code';
import { PAIRING_SERVERNAME, serverNameOf } from '../../electron/core/lan/sni-router';
import { X509Certificate } from 'node:crypto';

describe('certificates', () => {
  it('are EC P-256 with a SHA-256 signature, and their fingerprint is the SHA-256 of the DER', async () => {
    const id = await createTlsIdentity('host', 'Teduh host');
    const cert = new X509Certificate(id.certPem);
    expect(cert.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(cert.fingerprint256.replace(/:/g, '').toLowerCase()).toBe(id.fingerprint);
    expect(fingerprintOf(id.certPem)).toBe(id.fingerprint);
    // ecdsa-with-SHA256 (1.2.840.10045.4.3.2) as the signature algorithm
    expect(cert.raw.includes(Buffer.from('06082a8648ce3d040302', 'hex'))).toBe(true);
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.toLegacyObject().asn1Curve).toBe('prime256v1');
    expect(id.keyPem).toContain('BEGIN PRIVATE KEY');
    expect(shortFingerprint(id.fingerprint)).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){3}$/);
  });
});

describe('the pairing code', () => {
  const host = 'aa'.repeat(32);
  const device = 'bb'.repeat(32);

  it('is six digits, the same on both screens for the same certificates and nonces', () => {
    const hn = newPairingNonce();
    const dn = newPairingNonce();
    const code = pairingCode(host, device, hn, dn);
    expect(code).toMatch(/^\d{6}$/);
    expect(pairingCode(host.toUpperCase().match(/../g)!.join(':'), device, hn, dn)).toBe(code);
  });

  it('binds the commitment to the device certificate and its nonce', () => {
    const dn = newPairingNonce();
    const c = pairingCommitment(device, dn);
    expect(commitmentMatches(c, device, dn)).toBe(true);
    expect(commitmentMatches(c, device, newPairingNonce())).toBe(false);
    expect(commitmentMatches(c, 'cc'.repeat(32), dn)).toBe(false);
  });

  it('differs on the two sides when someone in the middle swaps the certificates (all but about one in a million times)', () => {
    let matches = 0;
    for (let i = 0; i < 2000; i++) {
      // The relay committed to its own nonce before it learned the host's, and had to send
      // its host nonce to the PC before the PC revealed its own.
      const hostSide = pairingCode(host, 'dd'.repeat(32), newPairingNonce(), newPairingNonce());
      const pcSide = pairingCode('ee'.repeat(32), device, newPairingNonce(), newPairingNonce());
      if (hostSide === pcSide) matches++;
    }
    expect(matches).toBeLessThanOrEqual(1);
  });
});

describe('routing by server name', () => {
  it('reads the server name from a real ClientHello, and waits for more bytes when it is cut short', async () => {
    const hello = await new Promise<Buffer>((ok) => {
      const server = createServer((s) => {
        s.once('data', (d: Buffer) => {
          ok(d);
          s.destroy();
          server.close();
        });
      });
      server.listen(0, '127.0.0.1', () => {
        const port = (server.address() as { port: number }).port;
        tlsConnect({ host: '127.0.0.1', port, servername: PAIRING_SERVERNAME, rejectUnauthorized: false }).on('error', () => {});
      });
    });
    expect(serverNameOf(hello)).toBe(PAIRING_SERVERNAME);
    expect(serverNameOf(hello.subarray(0, 40))).toBeUndefined();
    expect(serverNameOf(Buffer.from('GET / HTTP/1.1\r\n\r\n'))).toBeNull();
  });
});

describe('what a failed connection says', () => {
  it('tells a refused certificate, another host and a network fault apart', () => {
    expect(classifyConnectionError({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' })).toBe('host-mismatch');
    expect(classifyConnectionError({ code: 'ERR_TEDUH_HOST_MISMATCH' })).toBe('host-mismatch');
    expect(classifyConnectionError({ code: 'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA' })).toBe('refused');
    expect(classifyConnectionError({ code: 'ECONNREFUSED' })).toBe('unreachable');
    expect(classifyConnectionError(new Error('socket hang up'))).toBe('unreachable');
  });
});
