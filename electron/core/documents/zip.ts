import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * Just enough of the zip format to open a .docx, change one part and close it again,
 * synchronously. The letter number is only known inside the transaction that stores the
 * document, and a transaction cannot wait for the asynchronous packer; so the document is
 * packed beforehand with a placeholder, and the number is written in here.
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated */
  method: number;
  crc: number;
  size: number;
  /** The entry's data as it sits in the file (compressed when method is 8). */
  raw: Buffer;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const UTF8_NAMES = 0x0800;
/** 1 January 1980, 00:00 in DOS format: a fixed stamp keeps the bytes reproducible. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

export function readZipEntries(zip: Buffer): ZipEntry[] {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip file');
  const count = zip.readUInt16LE(end + 10);
  let p = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== CENTRAL) throw new Error('broken zip directory');
    const method = zip.readUInt16LE(p + 10);
    const crc = zip.readUInt32LE(p + 16);
    const compressed = zip.readUInt32LE(p + 20);
    const size = zip.readUInt32LE(p + 24);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    if (zip.readUInt32LE(local) !== LOCAL) throw new Error('broken zip entry');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    if (start + compressed > zip.length) throw new Error('broken zip entry');
    entries.push({ name, method, crc, size, raw: zip.subarray(start, start + compressed) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

export function entryData(e: ZipEntry): Buffer {
  if (e.method === 0) return e.raw;
  if (e.method === 8) return inflateRawSync(e.raw, { maxOutputLength: Math.max(e.size, 1) });
  throw new Error(`unsupported zip method ${e.method}`);
}

/** The parts of a zip file by name (for reading a .docx's XML). */
export function readZip(zip: Buffer): Map<string, Buffer> {
  return new Map(readZipEntries(zip).map((e) => [e.name, entryData(e)]));
}

export function deflatedEntry(name: string, data: Buffer): ZipEntry {
  return { name, method: 8, crc: crc32(data), size: data.length, raw: deflateRawSync(data) };
}

export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.raw.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(CENTRAL, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(UTF8_NAMES, 8);
    dir.writeUInt16LE(e.method, 10);
    dir.writeUInt16LE(DOS_TIME, 12);
    dir.writeUInt16LE(DOS_DATE, 14);
    dir.writeUInt32LE(e.crc >>> 0, 16);
    dir.writeUInt32LE(e.raw.length, 20);
    dir.writeUInt32LE(e.size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    chunks.push(local, name, e.raw);
    central.push(dir, name);
    offset += local.length + name.length + e.raw.length;
  }
  const dirSize = central.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}

/**
 * Rewrites the parts `change` returns new contents for; the others are copied as they are.
 * Returns the zip unchanged when nothing changed.
 */
export function rewriteZip(zip: Buffer, change: (name: string, data: () => Buffer) => Buffer | undefined): Buffer {
  let changed = false;
  const entries = readZipEntries(zip).map((e) => {
    const next = change(e.name, () => entryData(e));
    if (next === undefined) return e;
    changed = true;
    return deflatedEntry(e.name, next);
  });
  return changed ? writeZip(entries) : zip;
}
