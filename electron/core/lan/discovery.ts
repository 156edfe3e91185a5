import Bonjour from 'bonjour-service';
import { shortFingerprint } from './identity';

/** The mDNS service type: `_teduh._tcp.local`. */
export const SERVICE_TYPE = 'teduh';

export interface DiscoveredHost {
  /** The instance name the host announces ("Teduh 3c3c-f5cf-4e68-2652"). */
  name: string;
  addresses: string[];
  port: number;
  /** Short form of the host's certificate fingerprint, from its TXT record. */
  fingerprintShort: string;
}

export interface MdnsOptions {
  /** Network interface address to announce and listen on (default: all). */
  interface?: string;
}

/**
 * Announces the host on the LAN. The TXT record carries only the short fingerprint and a
 * protocol version: nothing about the office or its cases. What it says is a hint for
 * finding the host; the TLS handshake is what proves who it is.
 */
export function advertiseHost(opts: { name: string; port: number; fingerprint: string } & MdnsOptions): { stop(): Promise<void> } {
  const bonjour = new Bonjour(mdnsSocketOptions(opts), () => {});
  bonjour.publish({
    name: opts.name,
    type: SERVICE_TYPE,
    port: opts.port,
    txt: { v: '1', fp: shortFingerprint(opts.fingerprint) },
  });
  return {
    stop: () =>
      new Promise<void>((done) => {
        bonjour.unpublishAll(() => bonjour.destroy(() => done()));
      }),
  };
}

/** Listens for hosts on the LAN; `onChange` gets the whole list whenever it changes. */
export function browseHosts(
  onChange: (hosts: DiscoveredHost[]) => void,
  opts: MdnsOptions = {},
): { hosts(): DiscoveredHost[]; refresh(): void; stop(): void } {
  const bonjour = new Bonjour(mdnsSocketOptions(opts), () => {});
  const browser = bonjour.find({ type: SERVICE_TYPE });
  const list = (): DiscoveredHost[] =>
    browser.services
      .map((s) => {
        const txt = (s.txt ?? {}) as Record<string, unknown>;
        return {
          name: s.name,
          addresses: (s.addresses ?? []).filter((a) => !a.includes(':')),
          port: s.port,
          fingerprintShort: typeof txt.fp === 'string' ? txt.fp : '',
        };
      })
      .filter((h) => h.fingerprintShort && h.addresses.length > 0);
  const changed = () => onChange(list());
  browser.on('up', changed);
  browser.on('down', changed);
  browser.on('txt-update', changed);
  browser.on('srv-update', changed);
  return {
    hosts: list,
    refresh: () => browser.update(),
    stop: () => {
      browser.stop();
      bonjour.destroy();
    },
  };
}

/**
 * multicast-dns options for one interface: join the group there, but bind the socket to
 * every address, since Linux delivers multicast only to sockets bound to the wildcard.
 */
function mdnsSocketOptions(opts: MdnsOptions): object {
  return opts.interface ? { interface: opts.interface, bind: '0.0.0.0' } : {};
}
