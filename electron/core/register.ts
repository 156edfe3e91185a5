import { EventEmitter } from 'node:events';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { MigrationMeta } from 'drizzle-orm/migrator';
import { ApiError } from './api/errors';
import { finishInterruptedRestore } from './backup/service';
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
import { fileDeviceSecret } from './vault/device';
import { DEFAULT_SCRYPT_N, canReseal, newDatabaseKey, sameKey, sealKeyTo, stubOf, type DeviceSecret, type KeySlot } from './vault/keyslots';
import { auditHeadOf, checkSeal, makeSeal } from './vault/seal';
import { DB_FILE, emptyVault, readVault, syncFolder, vaultExists, writeVault, type RegisterProblem, type VaultFile } from './vault/store';

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
  /**
   * This PC's secret storage, to which staff key slots are bound (the desktop app passes
   * Electron's safeStorage; by default a key file in the user's home stands in for it).
   */
  deviceSecret?: DeviceSecret;
}

/** How long after an audit entry the sealed audit head is brought up to date (coalesces a burst of calls). */
const SEAL_DELAY_MS = 1000;

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
  readonly events = new EventEmitter<{ change: [ChangeEvent]; unlocked: []; locked: []; keyChanged: [Buffer] }>();
  readonly deviceId: string;
  private readonly migrations: MigrationMeta[];
  private opened: OpenDatabase | null = null;
  private readonly onUnlocked: RegisterOptions['onUnlocked'];
  private readonly maintenance: RegisterOptions['maintenance'];
  private sweeper: NodeJS.Timeout | null = null;
  private sealTimer: NodeJS.Timeout | null = null;
  private key: Buffer | null = null;
  /** This PC's secret storage (staff key slots are bound to it). */
  readonly device: DeviceSecret;

  constructor(opts: RegisterOptions) {
    this.dataDir = resolve(opts.dataDir);
    this.clock = opts.clock ?? systemClock;
    this.scryptN = opts.scryptN ?? DEFAULT_SCRYPT_N;
    this.keepUnlocked = opts.keepUnlocked ?? false;
    this.onUnlocked = opts.onUnlocked;
    this.maintenance = opts.maintenance;
    this.resourcesDir = opts.resourcesDir ?? DEFAULT_RESOURCES;
    this.device = opts.deviceSecret ?? fileDeviceSecret();
    this.migrations = loadMigrations(join(this.resourcesDir, 'migrations'));
    // A restore a power cut interrupted is finished or undone before anything looks at the folder.
    finishInterruptedRestore(this.dataDir);
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
    if (!this.isInitialized()) return emptyVault();
    let fellBack = false;
    const v = readVault(this.dataDir, () => (fellBack = true));
    if (fellBack) {
      // Said in the audit trail: the key file was missing or unreadable and its previous copy took its place.
      v.pendingAudit.push({ at: this.nowIso(), username: null, deviceId: this.deviceId, action: 'vault.restoredFromCopy', outcome: 'ok', detail: null });
      writeVault(this.dataDir, v);
    }
    return v;
  }

  saveVault(v: VaultFile, opts: { forget?: boolean } = {}): void {
    writeVault(this.dataDir, v, opts);
  }

  /** The PC secret a new slot for this role is bound to: staff slots are, administrators' and the recovery code's stay portable. */
  deviceFor(role: string): DeviceSecret | undefined {
    return role === 'admin' ? undefined : this.device;
  }

  /**
   * What is wrong with the register, if anything, as known without opening it: a problem found
   * earlier (damage, a rolled-back database) and still standing, or keys without their database.
   */
  problem(): RegisterProblem | null {
    if (!this.isInitialized()) return null;
    const v = this.vault();
    if (v.problem) return v.problem;
    if (!existsSync(this.dbFile) && v.slots.length > 0) return { kind: 'database-missing', detectedAt: this.nowIso() };
    return null;
  }

  /** Records a problem outside the database (it must be seen even when the database cannot be opened). */
  reportProblem(p: RegisterProblem): void {
    const v = this.vault();
    v.problem = p;
    this.saveVault(v);
  }

  /** An administrator chose to go on with the register as it is: the problem is cleared and the audit head sealed anew. */
  clearProblem(): void {
    const v = this.vault();
    v.problem = null;
    this.saveVault(v);
    this.sealNow();
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

  /**
   * Opens the register with an unwrapped key, or checks the key against the open one. `next` is
   * the new key of a register-key change that a power cut interrupted: whichever of the two opens
   * the database is the key, and the change is finished or undone. Only setup may `create` a
   * database: keys without their database never get a new empty one.
   */
  unlock(key: Buffer, opts: { next?: Buffer | null; create?: boolean } = {}): void {
    if (this.opened && this.key) {
      if (!sameKey(key, this.key) && !(opts.next && sameKey(opts.next, this.key))) throw new ApiError('INTERNAL', 'Kunci tidak cocok dengan basis data yang terbuka.');
      return;
    }
    if (!opts.create && !existsSync(this.dbFile)) {
      this.reportProblem({ kind: 'database-missing', detectedAt: this.nowIso() });
      throw new ApiError('REGISTER_PROBLEM', 'Berkas basis data register tidak ditemukan. Register tidak dibuat ulang kosong: pulihkan dari cadangan terakhir.');
    }
    let used = key;
    try {
      this.opened = openDatabase(this.dbFile, key, this.migrations);
    } catch (e) {
      if (!opts.next || !(e instanceof ApiError) || e.code !== 'INTERNAL') throw e;
      try {
        this.opened = openDatabase(this.dbFile, opts.next, this.migrations);
        used = opts.next;
      } catch (e2) {
        const past = this.openPastRekeyJournal(key, opts.next);
        if (!past) throw e2;
        this.opened = past.opened;
        used = past.key;
      }
    }
    this.key = Buffer.from(used);
    if (this.vault().slots.some((s) => s.next)) this.settleKeyChange(used === key ? 'undo' : 'finish');
    const opened = this.opened;
    if (this.onUnlocked) opened.sqlite.transaction(() => this.onUnlocked!(opened, this.nowIso()))();
    this.flushPendingAudit();
    this.checkSealedHead();
    // Idle sessions end on time even when no request arrives, and with the last one the key goes.
    this.sweeper = setInterval(() => this.sweepIdleSessions(), 30_000);
    this.sweeper.unref();
    this.events.emit('unlocked');
  }

  /**
   * A power cut after the re-keyed database was written and synced but before SQLite removed
   * its rollback journal leaves a hot journal that neither key can play back (the register
   * would open with no password). The database file itself is then complete under the new
   * key: the journal is set aside and each key tried without it; the one that opens a sound
   * database is kept and the journal deleted (it holds pages under the old key, which must not
   * outlive the change). When none does, the journal is put back as it was.
   */
  private openPastRekeyJournal(key: Buffer, next: Buffer): { opened: OpenDatabase; key: Buffer } | null {
    const journal = `${this.dbFile}-journal`;
    if (!existsSync(journal)) return null;
    const aside = `${journal}.ganti-kunci`;
    renameSync(journal, aside);
    syncFolder(this.dataDir);
    for (const k of [next, key]) {
      let opened: OpenDatabase | null = null;
      try {
        opened = openDatabase(this.dbFile, k, this.migrations);
        if (opened.sqlite.pragma('quick_check', { simple: true }) !== 'ok') throw new Error('unsound');
        rmSync(aside, { force: true });
        syncFolder(this.dataDir);
        return { opened, key: k };
      } catch {
        opened?.sqlite.close();
      }
    }
    renameSync(aside, journal);
    syncFolder(this.dataDir);
    return null;
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
    if (wasOpen) this.sealNow();
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
      this.sealSoon();
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

  /**
   * The sealed audit head: the newest audit entry, MACed with a key derived from the database
   * key, kept in the key file outside the database. Brought up to date a moment after entries
   * are written (and at lock, and in every backup), always after the database committed them,
   * so after a power cut it can only lag the database, never lead it. A database behind it has
   * lost entries: an older copy put in its place, a lost WAL, entries cut off the end.
   */
  private sealSoon(): void {
    if (this.sealTimer) return;
    this.sealTimer = setTimeout(() => {
      this.sealTimer = null;
      this.sealNow();
    }, SEAL_DELAY_MS);
    this.sealTimer.unref();
  }

  /** Seals the current audit head now (no-op while locked, or while a problem stands: its evidence stays). */
  sealNow(): void {
    if (this.sealTimer) clearTimeout(this.sealTimer);
    this.sealTimer = null;
    if (!this.opened || !this.key) return;
    try {
      const v = this.vault();
      if (v.problem) return;
      const head = auditHeadOf(this.opened.sqlite);
      if (v.seal && v.seal.seq === head.seq && v.seal.hash === head.hash) return;
      v.seal = makeSeal(this.key, head);
      this.saveVault(v);
    } catch {
      // never stands in the way of the call that wrote the entry; tried again with the next one
    }
  }

  private checkSealedHead(): void {
    const v = this.vault();
    if (!this.opened || !this.key || v.problem || !v.seal) return;
    const found = checkSeal(this.opened.sqlite, this.key, v.seal);
    if (found.ok) return;
    this.reportProblem({ kind: 'rolled-back', detectedAt: this.nowIso(), ...(found.missingEntries !== undefined ? { missingEntries: found.missingEntries } : {}) });
    appendAudit(this.opened.sqlite, {
      at: this.nowIso(),
      userId: null,
      username: null,
      deviceId: this.deviceId,
      action: 'register.rolledBack',
      outcome: 'failure',
      detail: JSON.stringify({ sealedSeq: v.seal.seq, missingEntries: found.missingEntries ?? null }),
    });
  }

  /**
   * Changes the register key: a new random key, the database re-encrypted with it (SQLCipher
   * rekey), every slot that can be re-sealed sealed to it, and the slots in `remove` gone with
   * no copy left (.bak included). Safe against a power cut at any point: the new key is first
   * sealed beside the old one in every slot (durably), then the database is re-keyed (one
   * SQLite transaction), then the old sealing is dropped; an unlock after a cut in between
   * tries both and settles it. Format 1 slots (never logged in since format 2) cannot be
   * re-sealed: they become slots whose password an administrator re-issues (returned).
   * Must run outside a transaction; takes seconds on a large register.
   */
  changeKey(opts: { remove?: (s: KeySlot) => boolean } = {}): { reissue: string[] } {
    const opened = this.db;
    const newKey = newDatabaseKey();
    try {
      const v = this.vault();
      const reissue: string[] = [];
      const kept: KeySlot[] = [];
      for (const slot of v.slots as KeySlot[]) {
        if (opts.remove?.(slot)) continue;
        if (canReseal(slot)) kept.push({ ...slot, next: sealKeyTo(slot, newKey) });
        else if (slot.kind === 'recovery') throw new ApiError('VALIDATION', 'Kode pemulihan perlu diperbarui dulu: cetak ulang lembar kode pemulihan (Pengaturan → Keamanan), lalu coba lagi.');
        else {
          if (slot.userId && !slot.reissue) reissue.push(slot.userId);
          kept.push(stubOf(slot));
        }
      }
      v.slots = kept;
      this.saveVault(v, { forget: true });
      const { sqlite } = opened;
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      sqlite.pragma('journal_mode=DELETE');
      try {
        sqlite.pragma(`rekey="x'${newKey.toString('hex')}'"`);
      } finally {
        sqlite.pragma('journal_mode=WAL');
      }
      this.key!.fill(0);
      this.key = Buffer.from(newKey);
      this.settleKeyChange('finish');
      this.events.emit('keyChanged', newKey);
      return { reissue };
    } finally {
      newKey.fill(0);
    }
  }

  /** Ends an interrupted key change: 'finish' makes the new key the slots' key, 'undo' drops it. */
  private settleKeyChange(how: 'finish' | 'undo'): void {
    const v = this.vault();
    v.slots = (v.slots as KeySlot[]).map((s) => {
      const { next, ...rest } = s;
      return how === 'finish' && next ? { ...rest, sealed: next } : rest;
    });
    if (this.opened && this.key && !v.problem) v.seal = makeSeal(this.key, auditHeadOf(this.opened.sqlite));
    this.saveVault(v, { forget: true });
  }

  emit(event: ChangeEvent): void {
    this.events.emit('change', event);
  }

  close(): void {
    this.lock();
  }
}
