import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { syncFolder } from '../vault/store';

/**
 * The backup file: one file an office can copy to a USB disk. Plain header lines (no case
 * data: format, time, schema version, sizes and SHA-256 of the two parts), then the key-slot
 * file (wrapped keys only) and the database copy, which is encrypted with the register's own
 * key. Opening it needs a password that was valid when it was made, or the recovery code.
 */

const MAGIC = 'TEDUH-CADANGAN 1\n';
const CHUNK = 1 << 20;
/** Header lines are short; a file whose first bytes hold no header within this is not a backup. */
const MAX_HEADER = 16 * 1024;

/**
 * The check of the copy made just after it was written: SQLite's quick_check, and the audit
 * chain from the last point verified to its newest entry (`auditHead`, the next check's start).
 */
export interface BackupCheck {
  integrity: 'ok' | 'damaged';
  auditChain: 'ok' | { brokenAt: number };
  checkedAt: string;
  auditHead: { seq: number; hash: string } | null;
}

export function checkPassed(check: BackupCheck | undefined): boolean {
  return check?.integrity === 'ok' && check.auditChain === 'ok';
}

export interface BackupHeader {
  format: 1;
  createdAt: string;
  /** The database's user_version: a newer app can restore an older backup, never the reverse. */
  schemaVersion: number;
  deviceId: string;
  vault: { size: number; sha256: string };
  db: { size: number; sha256: string };
  /** Absent in backups made before copies were checked. */
  check?: BackupCheck;
}

export class BackupFileError extends Error {}

function hashFile(path: string): { size: number; sha256: string } {
  const fd = openSync(path, 'r');
  const hash = createHash('sha256');
  const buf = Buffer.alloc(CHUNK);
  let size = 0;
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
      size += n;
    }
  } finally {
    closeSync(fd);
  }
  return { size, sha256: hash.digest('hex') };
}

function copyInto(out: number, path: string): void {
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(CHUNK);
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      writeSync(out, buf, 0, n);
    }
  } finally {
    closeSync(fd);
  }
}

/** Writes the backup file atomically and durably: a `.part` file, fsync, rename, the folder synced. */
export function writeBackupFile(target: string, parts: { vault: Buffer; dbFile: string }, meta: Omit<BackupHeader, 'format' | 'vault' | 'db'>): BackupHeader {
  const header: BackupHeader = {
    format: 1,
    ...meta,
    vault: { size: parts.vault.length, sha256: createHash('sha256').update(parts.vault).digest('hex') },
    db: hashFile(parts.dbFile),
  };
  const part = `${target}.part`;
  const out = openSync(part, 'wx', 0o600);
  try {
    writeSync(out, MAGIC + JSON.stringify(header) + '\n');
    writeSync(out, parts.vault);
    copyInto(out, parts.dbFile);
    fsyncSync(out);
  } catch (e) {
    closeSync(out);
    rmSync(part, { force: true });
    throw e;
  }
  closeSync(out);
  renameSync(part, target);
  // Without this a power cut could take back a backup the office was told was made.
  syncFolder(dirname(target));
  return header;
}

/** Reads and checks a backup's header (not its parts). */
export function readBackupHeader(path: string): { header: BackupHeader; offset: number } {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(MAX_HEADER);
    const n = readSync(fd, buf, 0, MAX_HEADER, 0);
    const text = buf.subarray(0, n).toString('latin1');
    if (!text.startsWith(MAGIC)) throw new BackupFileError('Berkas ini bukan berkas cadangan Teduh.');
    const end = text.indexOf('\n', MAGIC.length);
    if (end < 0) throw new BackupFileError('Berkas cadangan rusak (kepala berkas tidak lengkap).');
    let header: BackupHeader;
    try {
      header = JSON.parse(text.slice(MAGIC.length, end)) as BackupHeader;
    } catch {
      throw new BackupFileError('Berkas cadangan rusak (kepala berkas tidak terbaca).');
    }
    if (header.format !== 1 || !header.vault?.size || !header.db?.size) throw new BackupFileError('Berkas cadangan rusak (kepala berkas tidak sah).');
    const offset = end + 1;
    if (statSync(path).size !== offset + header.vault.size + header.db.size) throw new BackupFileError('Berkas cadangan tidak utuh (ukurannya tidak sesuai; mungkin terpotong saat disalin).');
    return { header, offset };
  } finally {
    closeSync(fd);
  }
}

/**
 * Unpacks a backup into a folder as `keyslots.json` and the database file, checking both
 * against the SHA-256 in the header. Throws BackupFileError when anything does not match.
 */
export function unpackBackup(path: string, into: { vaultFile: string; dbFile: string }): BackupHeader {
  const { header, offset } = readBackupHeader(path);
  const fd = openSync(path, 'r');
  try {
    const extract = (start: number, size: number, target: string, expected: string) => {
      const out = openSync(target, 'wx', 0o600);
      const hash = createHash('sha256');
      const buf = Buffer.alloc(CHUNK);
      let left = size;
      let pos = start;
      try {
        while (left > 0) {
          const n = readSync(fd, buf, 0, Math.min(CHUNK, left), pos);
          if (n === 0) break;
          hash.update(buf.subarray(0, n));
          writeSync(out, buf, 0, n);
          pos += n;
          left -= n;
        }
        fsyncSync(out);
      } finally {
        closeSync(out);
      }
      if (left !== 0 || hash.digest('hex') !== expected) throw new BackupFileError('Berkas cadangan rusak (isinya tidak cocok dengan sidik SHA-256-nya).');
    };
    extract(offset, header.vault.size, into.vaultFile, header.vault.sha256);
    extract(offset + header.vault.size, header.db.size, into.dbFile, header.db.sha256);
  } finally {
    closeSync(fd);
  }
  return header;
}
