import { EventEmitter } from 'node:events';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { MigrationMeta } from 'drizzle-orm/migrator';
import { ApiError } from './api/errors';
import type { ChangeEvent } from './api/bridge';
import { appendAudit, pendingAsAudit, queuePendingAudit, type AuditInput } from './audit';
import { SessionStore } from './auth/sessions';
import { forgetTypedNames } from './auth/throttle';
import type { Clock } from './clock';
import { systemClock } from './clock';
import { loadMigrations, openDatabase, type OpenDatabase } from './db/open';
import { uuidv7 } from './ids';
import { ensurePrivateDir, ensurePrivateFile } from './private-files';
import { readGeneralSettings } from './settings/general';
import { DEFAULT_SCRYPT_N, sameKey } from './vault/keyslots';
import { DB_FILE, emptyVault, readVault, vaultExists, writeVault, type VaultFile } from './vault/store';

export interface RegisterOptions {
  /** Folder holding the encrypted database and its key-slot file. */
  dataDir: string;
  /** Folder with `migrations/`; defaults to the repository's `resources/`. */
  resourcesDir?: string;
  clock?: Clock;
  /** scrypt cost for new key slots (2^17 by default, ~250 ms). */
  scryptN?: number;
  /**
   * Keep the register unlocked when the last session ends (a LAN host). A desktop
   * closes the database and forgets the key when nobody is logged in.
   */
  keepUnlocked?: boolean;
  /** Runs in one transaction each time the register is opened (reference data the office needs). */
  onUnlocked?: (open: OpenDatabase, nowIso: string) => void;
  /**
   * Housekeeping while the register is open and nobody waits on it: on the idle timer and just
   * before it locks (the daily backup). Must not throw.
   */
  maintenance?: (reg: Register, when: 'timer' | 'lock') => void;
}

const DEFAULT_RESOURCES = resolve(import.meta.dirname, '../../resources');

/**
 * The state of one office's register: its files, whether it is unlocked, its sessions.
 * Handlers reach the database only through here.
 */
export class Register {
  readonly dataDir: string;
  readonly clock: Clock;
  readonly scryptN: number;
  /** Folder with `migrations/`. */
  readonly resourcesDir: string;
  /** Set while this PC hosts LAN sharing: paired PCs need the register open when nobody here is logged in. */
  keepUnlocked: boolean;
  readonly sessions = new SessionStore();
  readonly events = new EventEmitter<{ change: [ChangeEvent]; unlocked: []; locked: [] }>();
  readonly deviceId: string;
  private readonly migrations: MigrationMeta[];
  private opened: OpenDatabase | null = null;
  private readonly onUnlocked: RegisterOptions['onUnlocked'];
  private readonly maintenance: RegisterOptions['maintenance'];
  private sweeper: NodeJS.Timeout | null = null;
  private key: Buffer | null = null;

  constructor(opts: RegisterOptions) {
    this.dataDir = resolve(opts.dataDir);
    this.clock = opts.clock ?? systemClock;
    this.scryptN = opts.scryptN ?? DEFAULT_SCRYPT_N;
    this.keepUnlocked = opts.keepUnlocked ?? false;
    this.onUnlocked = opts.onUnlocked;
    this.maintenance = opts.maintenance;
    this.resourcesDir = opts.resourcesDir ?? DEFAULT_RESOURCES;
    this.migrations = loadMigrations(join(this.resourcesDir, 'migrations'));
    ensurePrivateDir(this.dataDir);
    this.deviceId = this.loadDeviceId();
  }

  private loadDeviceId(): string {
    const file = join(this.dataDir, 'device-id');
    if (existsSync(file)) {
      ensurePrivateFile(file);
      const id = readFileSync(file, 'utf8').trim();
      if (id) return id;
    }
    const id = uuidv7();
    writeFileSync(file, id, { mode: 0o600 });
    return id;
  }

  nowIso(): string {
    return this.clock.now().toISOString();
  }

  get dbFile(): string {
    return join(this.dataDir, DB_FILE);
  }

  isInitialized(): boolean {
    return vaultExists(this.dataDir);
  }

  isUnlocked(): boolean {
    return this.opened !== null;
  }

  vault(): VaultFile {
    return this.isInitialized() ? readVault(this.dataDir) : emptyVault();
  }

  saveVault(v: VaultFile): void {
    writeVault(this.dataDir, v);
  }

  /** The open database; LOCKED when nobody has unlocked it. */
  get db(): OpenDatabase {
    if (!this.opened) throw new ApiError('LOCKED');
    return this.opened;
  }

  /** The database key while unlocked (needed to wrap new key slots). */
  get databaseKey(): Buffer {
    if (!this.key) throw new ApiError('LOCKED');
    return this.key;
  }

  /** Opens the register with an unwrapped key, or checks the key against the open one. */
  unlock(key: Buffer): void {
    if (this.opened && this.key) {
      if (!sameKey(key, this.key)) throw new ApiError('INTERNAL', 'Kunci tidak cocok dengan basis data yang terbuka.');
      return;
    }
    this.opened = openDatabase(this.dbFile, key, this.migrations);
    this.key = Buffer.from(key);
    const opened = this.opened;
    if (this.onUnlocked) opened.sqlite.transaction(() => this.onUnlocked!(opened, this.nowIso()))();
    this.flushPendingAudit();
    // Idle sessions end on time even when no request arrives, and with the last one the key goes.
    this.sweeper = setInterval(() => this.sweepIdleSessions(), 30_000);
    this.sweeper.unref();
    this.events.emit('unlocked');
  }

  private sweepIdleSessions(): void {
    if (!this.opened) return;
    const minutes = readGeneralSettings(this.opened.db).idleLockMinutes;
    if (this.sessions.sweep(this.clock.now().getTime(), minutes * 60_000) > 0) this.afterSessionEnded();
    if (this.opened) this.maintenance?.(this, 'timer');
  }

  /** Closes the database and wipes the key from memory. */
  lock(): void {
    const wasOpen = this.opened !== null;
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
    this.sessions.clear();
    if (wasOpen) this.maintenance?.(this, 'lock');
    // Lets SQLite refresh the statistics its query planner uses, as its documentation advises at close.
    try {
      this.opened?.sqlite.pragma('optimize');
    } catch {
      // never stands in the way of locking
    }
    this.opened?.sqlite.close();
    this.opened = null;
    this.key?.fill(0);
    this.key = null;
    if (wasOpen) this.events.emit('locked');
  }

  /** Called when a session ends: a desktop locks itself once nobody is logged in. */
  afterSessionEnded(): void {
    if (!this.keepUnlocked && this.sessions.count() === 0) this.lock();
  }

  /** Appends an audit entry now, or keeps it in the key-slot file until the register is unlocked. */
  auditOrQueue(e: AuditInput): void {
    if (this.opened) {
      appendAudit(this.opened.sqlite, e);
      return;
    }
    if (!this.isInitialized()) return;
    const v = this.vault();
    queuePendingAudit(v.pendingAudit, {
      at: e.at,
      username: e.username,
      deviceId: e.deviceId,
      action: e.action,
      outcome: e.outcome,
      detail: e.detail ?? null,
    });
    this.saveVault(v);
  }

  private flushPendingAudit(): void {
    const v = this.vault();
    if (v.pendingAudit.length === 0 || !this.opened) return;
    forgetTypedNames(v);
    const { sqlite } = this.opened;
    sqlite.transaction(() => {
      for (const p of v.pendingAudit) appendAudit(sqlite, pendingAsAudit(p));
    })();
    v.pendingAudit = [];
    this.saveVault(v);
  }

  emit(event: ChangeEvent): void {
    this.events.emit('change', event);
  }

  close(): void {
    this.lock();
  }
}
