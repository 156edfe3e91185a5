import type { Socket } from 'node:net';

/** The TLS server name a client asks for: the register's API, or pairing. */
export const API_SERVERNAME = 'host.teduh.invalid';
export const PAIRING_SERVERNAME = 'pair.teduh.invalid';

const MAX_HELLO = 5 + 16 * 1024;
const HELLO_TIMEOUT_MS = 5_000;

/**
 * The server name (SNI) in a TLS ClientHello: the name, `null` when the record has none or
 * is not a ClientHello, `undefined` while more bytes are needed.
 */
export function serverNameOf(buf: Buffer): string | null | undefined {
  if (buf.length < 5) return undefined;
  if (buf[0] !== 0x16) return null; // not a handshake record
  const recordEnd = 5 + buf.readUInt16BE(3);
  if (recordEnd > MAX_HELLO) return null;
  if (buf.length < recordEnd) return undefined;
  try {
    let p = 5;
    if (buf[p] !== 0x01) return null; // not a ClientHello
    p += 4 + 2 + 32; // handshake header, client version, random
    p += 1 + buf[p]!; // session id
    p += 2 + buf.readUInt16BE(p); // cipher suites
    p += 1 + buf[p]!; // compression methods
    if (p + 2 > recordEnd) return null;
    const extEnd = Math.min(recordEnd, p + 2 + buf.readUInt16BE(p));
    p += 2;
    while (p + 4 <= extEnd) {
      const type = buf.readUInt16BE(p);
      const len = buf.readUInt16BE(p + 2);
      p += 4;
      if (type === 0x0000) {
        // server_name: list length (2), name type (1), name length (2), name
        if (buf[p + 2] !== 0) return null;
        const nameLen = buf.readUInt16BE(p + 3);
        return buf.subarray(p + 5, p + 5 + nameLen).toString('ascii');
      }
      p += len;
    }
    return null;
  } catch {
    return null; // truncated or malformed
  }
}

/**
 * One port, two TLS servers: reads the ClientHello's server name without consuming it and
 * hands the connection to the pairing server or to the API server. Only the pairing
 * server accepts a certificate it does not know; the API server refuses one during the
 * handshake. Anything that is not TLS is dropped.
 */
export function routeByServerName(socket: Socket, route: (serverName: string | null) => ((s: Socket) => void) | null): void {
  let buffered = Buffer.alloc(0);
  const timer = setTimeout(() => socket.destroy(), HELLO_TIMEOUT_MS);
  const onData = (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    const name = serverNameOf(buffered);
    if (name === undefined && buffered.length < MAX_HELLO) return;
    clearTimeout(timer);
    socket.off('data', onData);
    socket.off('error', onError);
    const target = buffered[0] === 0x16 ? route(name ?? null) : null;
    if (!target) {
      socket.destroy();
      return;
    }
    socket.pause();
    socket.unshift(buffered);
    target(socket);
  };
  const onError = () => {
    clearTimeout(timer);
    socket.destroy();
  };
  socket.on('data', onData);
  socket.on('error', onError);
}
