import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The region lists of `idn-area-data`, read from its CSV files on first use.
 *
 * Provinces, regencies and districts (about 7,800 rows) are kept as plain
 * strings. The 83,762 villages are loaded only when a village is asked for, and
 * kept compactly: their names in one UTF-8 buffer with offsets, their 4-digit
 * numbers in a Uint16Array, and each district's villages as a contiguous range
 * (the CSV is sorted by code). Village objects are made on demand.
 */

export interface AreaTable {
  codes: string[];
  names: string[];
  index: Map<string, number>;
}

export interface VillageTable {
  /** UTF-8 names, back to back; name i is bytes [nameStart[i], nameStart[i + 1]). */
  names: Buffer;
  nameStart: Uint32Array;
  /** The last code segment as a number (2001 for 11.01.01.2001). */
  numbers: Uint16Array;
  /** Villages of district d are [districtStart[d], districtStart[d + 1]). */
  districtStart: Uint32Array;
}

let dataDir: string | undefined;
let upper: { provinces: AreaTable; regencies: AreaTable; districts: AreaTable } | undefined;
let villages: VillageTable | undefined;

const NEWLINE = 0x0a;
const CR = 0x0d;
const COMMA = 0x2c;
const QUOTE = 0x22;

function csvPath(file: string): string {
  dataDir ??= join(dirname(createRequire(import.meta.url).resolve('idn-area-data/package.json')), 'data');
  return join(dataDir, file);
}

/** Splits one CSV line (quoted fields with "" escapes, as the package writes them). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) throw new Error(`Unterminated quote in region data: ${line}`);
        value += line.slice(i, q);
        if (line[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      out.push(value);
      i++; // the comma (or past the end)
    } else {
      const c = line.indexOf(',', i);
      const end = c < 0 ? line.length : c;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}

/** Rows of [code, name], header dropped; the name is the last column in every file. */
function readRows(file: string): [string, string][] {
  const text = readFileSync(csvPath(file), 'utf8');
  const rows: [string, string][] = [];
  let start = text.indexOf('\n') + 1;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    if (!line) continue;
    const fields = splitCsvLine(line);
    rows.push([fields[0]!, fields[fields.length - 1]!]);
  }
  return rows;
}

function table(rows: [string, string][]): AreaTable {
  const codes = rows.map((r) => r[0]);
  return { codes, names: rows.map((r) => r[1]), index: new Map(codes.map((c, i) => [c, i])) };
}

export function upperAreas(): NonNullable<typeof upper> {
  upper ??= {
    provinces: table(readRows('provinces.csv')),
    regencies: table(readRows('regencies.csv')),
    districts: table(readRows('districts.csv')),
  };
  return upper;
}

export function villageTable(): VillageTable {
  if (villages) return villages;
  const { districts } = upperAreas();
  // Parsed as bytes so that no string per row is made: the file is 2.8 MB and 83,762 lines.
  const bytes = readFileSync(csvPath('villages.csv'));
  const lineCount = bytes.reduce((n, b) => (b === NEWLINE ? n + 1 : n), 1);
  const names = Buffer.allocUnsafe(bytes.length);
  const nameStart = new Uint32Array(lineCount + 1);
  const numbers = new Uint16Array(lineCount);
  const districtStart = new Uint32Array(districts.codes.length + 1);
  let count = 0;
  let offset = 0;
  let d = 0;
  let pos = bytes.indexOf(NEWLINE) + 1; // past the header
  while (pos < bytes.length) {
    let end = bytes.indexOf(NEWLINE, pos);
    if (end < 0) end = bytes.length;
    const lineEnd = bytes[end - 1] === CR ? end - 1 : end;
    if (lineEnd > pos) {
      // code (13 bytes: 11.01.01.2001), comma, district code, comma, name
      const code = bytes.toString('latin1', pos, pos + 13);
      const districtCode = code.slice(0, 8);
      // Advance to this village's district; districts with no village get an empty range.
      while (d < districts.codes.length && districts.codes[d] !== districtCode) districtStart[++d] = count;
      if (d === districts.codes.length || bytes[pos + 13] !== COMMA) {
        throw new Error(`Unexpected line in the village data: ${bytes.toString('utf8', pos, lineEnd)}`);
      }
      const nameAt = bytes.indexOf(COMMA, pos + 14) + 1;
      nameStart[count] = offset;
      if (bytes[nameAt] === QUOTE) {
        const [name] = splitCsvLine(bytes.toString('utf8', nameAt, lineEnd));
        offset += names.write(name!, offset, 'utf8');
      } else {
        offset += bytes.copy(names, offset, nameAt, lineEnd);
      }
      numbers[count] = Number(code.slice(9));
      count++;
    }
    pos = end + 1;
  }
  nameStart[count] = offset;
  while (d < districts.codes.length) districtStart[++d] = count;
  villages = {
    // Copied out so the file's buffer can be freed.
    names: Buffer.from(names.subarray(0, offset)),
    nameStart: nameStart.slice(0, count + 1),
    numbers: numbers.slice(0, count),
    districtStart,
  };
  return villages;
}

export function villageName(t: VillageTable, i: number): string {
  return t.names.toString('utf8', t.nameStart[i], t.nameStart[i + 1]);
}
