import { randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, rmdirSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { DocumentFile } from '../api/contract-documents';

/** Longest file name given to a copy (Windows paths stop at 260 characters). */
const MAX_NAME = 120;

/** Device names Windows reserves in every folder, with or without an extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * A name that is one plain file name on Windows and elsewhere: no folders, no control or
 * invisible formatting characters (a right-to-left override can disguise an extension),
 * none of Windows' forbidden characters, not a device name, not hidden, not too long.
 */
export function safeCopyName(name: string): string {
  const extMatch = /\.([A-Za-z0-9]{1,8})$/.exec(name);
  const ext = extMatch ? extMatch[1]! : '';
  let base = (extMatch ? name.slice(0, -extMatch[0].length) : name)
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[\\/]+/g, '-')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    // Leading dots would hide the file (or spell "..", with what follows); trailing dots and spaces Windows drops.
    .replace(/^[\s.-]+|[\s.]+$/g, '');
  if (WINDOWS_RESERVED.test(base.split('.')[0]!.trim())) base = `_${base}`;
  const room = MAX_NAME - (ext ? ext.length + 1 : 0);
  base = [...base].slice(0, room).join('').replace(/[\s.]+$/, '');
  return `${base || 'dokumen'}${ext ? `.${ext}` : ''}`;
}

/**
 * The app's own folder for the temporary copies a user opens in Word: each copy in a folder
 * of its own with a random name, readable by this account only. Everything in it is wiped
 * when the register locks, when sessions end, and when the app starts and quits. The names
 * of the files (letter and register numbers) are case data: nothing here logs them.
 */
export class OpenCopies {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  /** Writes the file's bytes as a new copy; returns its path. Throws when the disk refuses. */
  write(file: DocumentFile): string {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const folder = join(this.dir, randomBytes(8).toString('hex'));
    mkdirSync(folder, { mode: 0o700 });
    const path = join(folder, safeCopyName(file.fileName));
    try {
      writeFileSync(path, Buffer.from(file.base64, 'base64'), { mode: 0o600, flag: 'wx' });
    } catch (e) {
      this.remove(path);
      throw e;
    }
    return path;
  }

  /** Removes one copy (and its folder) again; false if it could not be removed. */
  remove(path: string): boolean {
    const file = resolve(path);
    if (!this.holds(file)) return false;
    let regular = false;
    try {
      regular = lstatSync(file).isFile();
    } catch {
      // already gone
    }
    const gone = destroyFile(file, regular);
    try {
      rmdirSync(dirname(file));
    } catch {
      // not empty or already gone
    }
    return gone;
  }

  /**
   * Overwrites every file with zeros, then deletes it, and removes the folders. A file that
   * another program still holds (Word on Windows) stays and is counted in `left`; the next
   * wipe tries again. Never throws.
   */
  wipe(): { removed: number; left: number } {
    const count = { removed: 0, left: 0 };
    let entries: string[];
    try {
      entries = readdirSync(this.dir);
    } catch {
      return count;
    }
    for (const name of entries) wipeEntry(join(this.dir, name), count);
    return count;
  }

  private holds(path: string): boolean {
    const rel = relative(this.dir, path);
    return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel);
  }
}

function wipeEntry(path: string, count: { removed: number; left: number }): void {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return;
  }
  if (stat.isDirectory()) {
    let entries: string[] = [];
    try {
      entries = readdirSync(path);
    } catch {
      // unreadable: try to remove it as it is
    }
    for (const name of entries) wipeEntry(join(path, name), count);
    try {
      rmdirSync(path);
    } catch {
      // something in it stayed
    }
    return;
  }
  if (destroyFile(path, stat.isFile())) count.removed++;
  else count.left++;
}

/**
 * Zeros a file's bytes (best effort: a file held open elsewhere may refuse), then deletes it.
 * A link is deleted, never followed.
 */
function destroyFile(path: string, regular: boolean): boolean {
  if (regular) zeroFile(path);
  try {
    unlinkSync(path);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException)?.code === 'ENOENT';
  }
}

function zeroFile(path: string): void {
  let fd: number | null = null;
  try {
    // Never through a link (where the platform can tell), whatever was there when it was listed.
    fd = openSync(path, constants.O_RDWR | (constants.O_NOFOLLOW ?? 0));
    const size = fstatSync(fd).size;
    const zeros = Buffer.alloc(Math.min(size, 1024 * 1024));
    for (let at = 0; at < size; at += zeros.length) writeSync(fd, zeros, 0, Math.min(zeros.length, size - at), at);
    fsyncSync(fd);
  } catch {
    // locked or read-only: deleting is still worth trying
  } finally {
    if (fd !== null) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
    }
  }
}
