import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Core } from '../core';
import { errorBody, type ApiResult } from '../core/api/errors';
import { OpenCopies, createFileActions, safeCopyName } from '../core/files';
import { bridgeScript } from './bridge-script';

/**
 * The web harness: the built renderer and the API over HTTP on 127.0.0.1, so the real
 * UI can be driven in a browser against the real core. It is a test and training
 * transport; it refuses to listen anywhere but loopback.
 */
export interface WebHarnessOptions {
  core: Core;
  rendererDir: string;
  port: number;
  host?: string;
  /** Where "Open in Word" puts its copies (nothing is launched); by default `open-documents` in the data folder. */
  copiesDir?: string;
  /** Where "Save as" writes, under the name the core gives (no dialog); without it, saving is refused. */
  saveDir?: string;
}

export interface WebHarness {
  url: string;
  /** The folder of the copies "Open in Word" made: a session's go when it locks or logs out, all of them when the register locks and at close. */
  copiesDir: string;
  /** Copies "opened" so far, in order (the harness launches no program). */
  opened: string[];
  close(): Promise<void>;
}

export const SAVE_UNAVAILABLE = 'Menyimpan salinan tidak tersedia di harness ini.';

export const HARNESS_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; frame-ancestors 'none'";

/** A signed scan is up to 10 MB, a third more as base64. */
const MAX_BODY = 16 * 1024 * 1024;

/** Marks a request whose answer (a refusal) has already been sent. */
const refused = Symbol('refused');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

export function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1';
}

export async function startWebHarness(opts: WebHarnessOptions): Promise<WebHarness> {
  const host = opts.host ?? '127.0.0.1';
  if (!isLoopback(host)) throw new Error(`the web harness binds 127.0.0.1 only (refused: ${host})`);
  const rendererDir = resolve(opts.rendererDir);
  // Read on every request, so a rebuild is served without restarting the harness.
  const page = async () =>
    (await readFile(join(rendererDir, 'index.html'), 'utf8')).replace('<script', '<script src="./teduh-bridge.js"></script>\n    <script');
  await page().catch(() => {
    throw new Error(`no built renderer at ${rendererDir}: run "npm run build" first`);
  });
  const streams = new Set<ServerResponse>();
  if (opts.saveDir) mkdirSync(opts.saveDir, { recursive: true, mode: 0o700 });
  const copies = new OpenCopies(opts.copiesDir ?? join(opts.core.register.dataDir, 'open-documents'));
  const opened: string[] = [];
  const wipeCopies = () => void copies.wipe();
  wipeCopies();
  // Each session's copies in a folder of their own (named by a hash: the token never reaches the
  // disk), so one page's lock or logout wipes its copies, as locking the desktop app does.
  const copiesOf = (token: string | undefined) =>
    new OpenCopies(join(copies.dir, createHash('sha256').update(token ?? '').digest('hex').slice(0, 16)));

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error');
      else res.destroy();
    });
  });

  let port = opts.port;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // DNS-rebinding guard: only our own host names are served.
    if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 421, 'text/plain; charset=utf-8', 'misdirected request');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const path = url.pathname;
    if (path.startsWith('/api/')) return handleApi(req, res, decodeURIComponent(path.slice(5)));
    if (path.startsWith('/files/')) return handleFiles(req, res, decodeURIComponent(path.slice(7)));
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');
    if (path === '/' || path === '/index.html') return send(res, 200, MIME['.html']!, await page());
    if (path === '/teduh-bridge.js') return send(res, 200, MIME['.js']!, bridgeScript);
    const file = resolve(rendererDir, '.' + normalize(path));
    if (!file.startsWith(rendererDir + sep)) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
    try {
      const body = await readFile(file);
      send(res, 200, MIME[extname(file)] ?? 'application/octet-stream', body);
    } catch {
      send(res, 404, 'text/plain; charset=utf-8', 'not found');
    }
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    const token = bearer(req);
    if (method === 'events') {
      if (req.method !== 'GET' || !opts.core.hasSession(token)) return send(res, 401, 'text/plain; charset=utf-8', 'unauthenticated');
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      const unsubscribe = opts.core.subscribe((e) => {
        if (!opts.core.hasSession(token)) return res.end();
        res.write(`data: ${JSON.stringify(e)}\n\n`);
      });
      res.on('close', () => {
        unsubscribe();
        streams.delete(res);
      });
      return;
    }
    const input = await jsonPost(req, res);
    if (input === refused) return;
    const result = await opts.core.call({ token }, method, input);
    if (method === 'auth.lock' || method === 'auth.logout') copiesOf(token).wipe();
    json(res, result);
  }

  /** "Open in Word" and "Save as", as the desktop app's main process does them, through the page's session. */
  async function handleFiles(req: IncomingMessage, res: ServerResponse, op: string): Promise<void> {
    const token = bearer(req);
    const args = await jsonPost(req, res);
    if (args === refused) return;
    if (op === 'save' && !opts.saveDir) return json(res, { ok: false, error: errorBody('FORBIDDEN', SAVE_UNAVAILABLE) } satisfies ApiResult<never>);
    const saveDir = opts.saveDir;
    const actions = createFileActions({
      call: (method, input) => opts.core.call({ token }, method, input),
      copies: copiesOf(token),
      sessionStillLive: () => opts.core.hasSession(token),
      chooseSavePath: async (defaultName) => (saveDir ? join(saveDir, safeCopyName(defaultName)) : null),
      openPath: async (path) => {
        opened.push(path);
        return '';
      },
    });
    json(res, await actions(op, args));
  }

  /**
   * The guards of every posted request: POST only, JSON only (a page from elsewhere cannot
   * send JSON here without a preflight we never grant), no foreign Origin. The parsed body,
   * or `refused` once the answer has been sent.
   */
  async function jsonPost(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
    if (req.method !== 'POST') {
      send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');
      return refused;
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      send(res, 415, 'text/plain; charset=utf-8', 'application/json required');
      return refused;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) {
      send(res, 403, 'text/plain; charset=utf-8', 'forbidden origin');
      return refused;
    }
    try {
      return JSON.parse((await readBody(req)).toString('utf8') || '{}');
    } catch {
      json(res, { ok: false, error: { code: 'VALIDATION', message: 'Permintaan bukan JSON yang sah atau terlalu besar.' } });
      return refused;
    }
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok());
  });
  const addr = server.address();
  if (addr && typeof addr === 'object') port = addr.port;
  // Nobody is logged in any more (a lock, a logout, the idle sweep): the register locks, the copies go.
  opts.core.register.events.on('locked', wipeCopies);
  return {
    url: `http://127.0.0.1:${port}/`,
    copiesDir: copies.dir,
    opened,
    close: () =>
      new Promise<void>((ok) => {
        for (const s of streams) s.end();
        opts.core.register.events.off('locked', wipeCopies);
        wipeCopies();
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

function bearer(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        fail(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => ok(Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': HARNESS_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function json(res: ServerResponse, value: unknown): void {
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify(value));
}
