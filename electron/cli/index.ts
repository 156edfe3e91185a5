import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { OffsetClock, createCore } from '../core';
import { verifyRegister } from '../core/audit';
import { BackupFileError, restoreBackup } from '../core/backup';
import { readVault, writeVault } from '../core/vault/store';
import { auditAnchorSchema } from '../core/api/contract';
import { exportDocuments, ExportRefused } from '../core/documents';
import { parseArgs, readSecretFromStdin, requireValue, UsageError } from './args';
import { isLoopback, startWebHarness } from './web-harness';
import { createDemoOffice, DEMO_STAFF } from './demo';
import { serveLan } from './serve-lan';

/** The demonstration office's password, printed with it: the office holds invented data only. */
const DEMO_PASSWORD = 'demo-teduh-2026';

const ROOT = resolve(import.meta.dirname, '../..');

const USAGE = `Teduh — register kasus terenkripsi

Pemakaian: npm run teduh -- <perintah> [opsi]

  init   --data-dir DIR --office NAMA --admin NAMA_PENGGUNA [--full-name NAMA]
         Menyiapkan register baru. Kata sandi administrator dibaca dari standard input.
         Mencetak kode pemulihan (simpan di tempat aman).
  serve  --web --data-dir DIR --port N [--save-dir DIR]
         Menjalankan harness web (UI + API) di http://127.0.0.1:N/ saja.
         "Buka di Word" hanya menaruh salinan di folder open-documents di dalam --data-dir
         (tanpa membuka program); "Simpan sebagai" menulis ke folder --save-dir dengan nama
         dari Teduh (tanpa dialog), dan ditolak bila --save-dir tidak diberikan.
  serve  --lan --data-dir DIR --port N [--host ALAMAT]
         Menjadikan PC ini host berbagi LAN tanpa jendela (PC kantor yang selalu menyala):
         TLS 1.3 di port N (semua antarmuka, atau ALAMAT), diumumkan lewat mDNS.
         Kata sandi (atau kode pemulihan) untuk membuka register dibaca dari standard input;
         register tetap terbuka selama perintah ini berjalan.
         Variabel TEDUH_FAKE_NOW=<waktu ISO> menjalankan jam harness mulai dari waktu itu
         (untuk pelatihan dan uji tenggat).
  demo   --data-dir DIR [--password SANDI]
         Membuat kantor demonstrasi (pelatihan, tangkapan layar): staf untuk setiap peran dan
         sekitar 50 kasus rekaan di keenam layanan dalam berbagai keadaan.
  verify --data-dir DIR [--anchor NOMOR:HASH]
         Memeriksa rantai audit dan integritas basis data tanpa mengubahnya.
         Kata sandi (atau kode pemulihan) dibaca dari standard input.
         Dengan --anchor (dari lembar titik jejak audit), juga memeriksa bahwa entri itu
         masih memiliki hash yang tercetak: jejak yang disusun ulang setelahnya ketahuan.
         Kode keluar 0 jika utuh, 1 jika ada kerusakan (entri pertama yang rusak dicetak).
  export-documents --data-dir DIR --out DIR
         Menulis versi terbaru setiap dokumen tersimpan sebagai berkas .docx (per tahun),
         pindaian bertanda tangan, dan agenda surat (CSV) ke folder kosong, untuk arsip atau
         serah terima. Kata sandi (atau kode pemulihan) dibaca dari standard input.
         Berkas hasil ekspor TIDAK terenkripsi. Kode keluar 0 jika berhasil, 1 jika gagal.
  restore --data-dir DIR --from FILE
         Memulihkan register dari berkas cadangan (.tdbk) saat Teduh tertutup. Kata sandi yang
         berlaku saat cadangan dibuat (atau kode pemulihan) dibaca dari standard input.
         Cadangan diperiksa dulu (sidik SHA-256, integritas, rantai audit); register yang ada
         dipindahkan ke samping, tidak dihapus. Kode keluar 0 jika berhasil, 1 jika gagal.
`;

/** Operational log lines: never case data. */
function log(line: string): void {
  process.stderr.write(`[teduh] ${line}\n`);
}

async function init(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['data-dir', 'office', 'admin', 'full-name'], switches: [] });
  const dataDir = requireValue(args, 'data-dir');
  const office = requireValue(args, 'office');
  const admin = requireValue(args, 'admin');
  const password = await readSecretFromStdin('Kata sandi administrator: ');
  const core = createCore({ dataDir, log });
  try {
    const fullName = typeof args['full-name'] === 'string' ? args['full-name'] : admin;
    const r = await core.call({}, 'setup.initialize', { office: { name: office }, admin: { username: admin, fullName, password } });
    if (!r.ok) {
      process.stderr.write(`Gagal: ${r.error.message}\n`);
      for (const [f, m] of Object.entries(r.error.fields ?? {})) process.stderr.write(`  ${f}: ${m}\n`);
      return 1;
    }
    const { recoveryCode } = r.value as { recoveryCode: string };
    process.stdout.write(`Register dibuat di ${resolve(dataDir)}\n`);
    process.stdout.write(`Kode pemulihan (tampil sekali; cetak dan simpan di tempat aman):\n${recoveryCode}\n`);
    return 0;
  } finally {
    core.close();
  }
}

function ensureRendererBuilt(): string {
  const dir = join(ROOT, 'out', 'renderer');
  if (!existsSync(join(dir, 'index.html'))) {
    log('membangun renderer (npm run build)...');
    const bin = join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite');
    const r = spawnSync(bin, ['build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error('build failed');
  }
  return dir;
}

async function serve(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['data-dir', 'port', 'host', 'save-dir'], switches: ['web', 'lan'] });
  if (!args.web === !args.lan) throw new UsageError('pilih satu mode: --web atau --lan');
  const dataDir = requireValue(args, 'data-dir');
  const port = Number(requireValue(args, 'port'));
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port harus angka 0-65535');
  if (args.lan && args['save-dir'] !== undefined) throw new UsageError('--save-dir hanya untuk --web');
  if (args.lan) return serveLanUntilStopped(dataDir, port, typeof args.host === 'string' ? args.host : '0.0.0.0');
  const host = typeof args.host === 'string' ? args.host : '127.0.0.1';
  if (!isLoopback(host)) throw new UsageError(`harness web hanya mendengarkan di 127.0.0.1 (ditolak: ${host})`);
  const rendererDir = ensureRendererBuilt();
  // The harness may run on a clock set elsewhere in time (training scenarios, end-to-end
  // tests of deadlines); the desktop app never does.
  const fakeNow = process.env.TEDUH_FAKE_NOW;
  if (fakeNow !== undefined && Number.isNaN(Date.parse(fakeNow))) throw new UsageError('TEDUH_FAKE_NOW harus waktu ISO-8601');
  const core = createCore({ dataDir, log, ...(fakeNow ? { clock: new OffsetClock(fakeNow) } : {}) });
  const saveDir = typeof args['save-dir'] === 'string' ? resolve(args['save-dir']) : undefined;
  const harness = await startWebHarness({ core, rendererDir, port, host: '127.0.0.1', ...(saveDir ? { saveDir } : {}) });
  process.stdout.write(`Teduh (harness web) siap di ${harness.url}\n`);
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await harness.close();
  core.close();
  return 0;
}

/** A host for the office's PCs, without a window; the register stays open while it runs. */
async function serveLanUntilStopped(dataDir: string, port: number, bindAddress: string): Promise<number> {
  const secret = await readSecretFromStdin('Kata sandi (atau kode pemulihan) untuk membuka register: ');
  const core = createCore({ dataDir, log, keepUnlocked: true });
  try {
    const stop = await serveLan(core, { port, bindAddress, secret, out: (s) => process.stdout.write(s) });
    await new Promise<void>((done) => {
      process.once('SIGINT', () => done());
      process.once('SIGTERM', () => done());
    });
    await stop();
    return 0;
  } finally {
    core.close();
  }
}

async function verify(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['data-dir', 'anchor'], switches: [] });
  const dataDir = requireValue(args, 'data-dir');
  let anchor: { seq: number; hash: string } | undefined;
  if (typeof args.anchor === 'string') {
    const parsed = auditAnchorSchema.safeParse({ seq: Number(args.anchor.split(':')[0]), hash: args.anchor.split(':').slice(1).join(':') });
    if (!parsed.success) {
      process.stderr.write('--anchor harus NOMOR:HASH, misalnya 1234:a1b2c3d4e5f60718 (paling sedikit 16 karakter hash dari lembar titik jejak audit).\n');
      return 2;
    }
    anchor = parsed.data;
  }
  const secret = await readSecretFromStdin('Kata sandi atau kode pemulihan: ');
  const check = await verifyRegister(dataDir, secret, undefined, anchor);
  if (!check) {
    process.stderr.write('Kata sandi atau kode pemulihan salah.\n');
    return 1;
  }
  const integrityOk = check.integrity.length === 1 && check.integrity[0] === 'ok';
  process.stdout.write(`Integritas basis data: ${integrityOk ? 'baik' : 'RUSAK'}\n`);
  if (!integrityOk) for (const line of check.integrity.slice(0, 20)) process.stdout.write(`  ${line}\n`);
  const chainOk = check.audit.firstBroken === null;
  process.stdout.write(`Rantai audit: ${check.audit.checked} entri diperiksa, ${chainOk ? 'utuh' : 'RUSAK'}\n`);
  if (check.audit.firstBroken) {
    process.stdout.write(`Entri rusak pertama: #${check.audit.firstBroken.seq} (${check.audit.firstBroken.reason})\n`);
  }
  if (check.audit.anchor) {
    const a = check.audit.anchor;
    const brokenBefore = check.audit.firstBroken !== null && check.audit.firstBroken.seq <= a.seq;
    const verdict = a.matches
      ? 'cocok'
      : brokenBefore
        ? 'tidak dapat diperiksa: rantai sudah rusak sebelum entri ini'
        : a.found
          ? 'TIDAK COCOK: periksa hash yang diketik; bila benar, jejak audit sampai entri ini telah diubah'
          : 'TIDAK DITEMUKAN: entri ini tidak ada lagi';
    process.stdout.write(`Titik pembanding #${a.seq}: ${verdict}\n`);
  }
  if (check.audit.head) process.stdout.write(`Entri terakhir yang utuh: #${check.audit.head.seq} ${check.audit.head.hash}\n`);
  if (check.sealed) {
    const s = check.sealed;
    process.stdout.write(
      s.ok
        ? `Segel jejak audit (#${s.seq}): basis data mencapainya\n`
        : `Segel jejak audit (#${s.seq}): BASIS DATA TERTINGGAL${s.missingEntries !== null ? ` — ${s.missingEntries} entri hilang` : ''} (salinan lama ditimpakan, berkas WAL hilang, atau entri terakhir terhapus). Pulihkan dari cadangan terakhir yang baik.\n`,
    );
  }
  return check.ok ? 0 : 1;
}

async function demo(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['data-dir', 'password'], switches: [] });
  const dataDir = requireValue(args, 'data-dir');
  const password = typeof args.password === 'string' ? args.password : DEMO_PASSWORD;
  const { cases } = await createDemoOffice(dataDir, password, (line) => process.stderr.write(`  ${line}\n`));
  process.stdout.write(`Kantor demonstrasi dibuat di ${resolve(dataDir)} dengan ${cases} kasus rekaan.\n`);
  process.stdout.write(`Pengguna (kata sandi semua: ${password}): admin, ${DEMO_STAFF.map((s) => `${s.username} (${s.role})`).join(', ')}\n`);
  return 0;
}

async function exportDocumentsCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['data-dir', 'out'], switches: [] });
  const dataDir = requireValue(args, 'data-dir');
  const outDir = requireValue(args, 'out');
  const secret = await readSecretFromStdin('Kata sandi atau kode pemulihan: ');
  try {
    const r = await exportDocuments(dataDir, secret, resolve(outDir));
    if (!r) {
      process.stderr.write('Kata sandi atau kode pemulihan salah.\n');
      return 1;
    }
    process.stdout.write(`${r.documents} dokumen dan ${r.scans} pindaian ditulis ke ${resolve(outDir)} (oleh ${r.by}).\n`);
    process.stdout.write('Perhatian: berkas hasil ekspor tidak terenkripsi. Simpan di tempat aman.\n');
    return 0;
  } catch (e) {
    if (e instanceof ExportRefused) {
      process.stderr.write(`Gagal: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

/** The restore goes into the restored register's audit trail at its next unlock (queued beside the key slots). */
function recordRestore(dataDir: string, backupCreatedAt: string): void {
  const vault = readVault(dataDir);
  vault.pendingAudit.push({
    at: new Date().toISOString(),
    username: null,
    deviceId: existsSync(join(dataDir, 'device-id')) ? readFileSync(join(dataDir, 'device-id'), 'utf8').trim() : 'teduh-restore',
    action: 'setup.restore',
    outcome: 'ok',
    detail: JSON.stringify({ backupCreatedAt, by: 'teduh restore' }),
  });
  writeVault(dataDir, vault);
}

async function restore(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['data-dir', 'from'], switches: [] });
  const dataDir = requireValue(args, 'data-dir');
  const from = requireValue(args, 'from');
  const secret = await readSecretFromStdin('Kata sandi atau kode pemulihan: ');
  try {
    const r = await restoreBackup(resolve(from), resolve(dataDir), secret, { nowIso: new Date().toISOString() });
    process.stdout.write(`Register dipulihkan dari cadangan ${r.header.createdAt} (${r.auditEntries} entri jejak audit diperiksa).\n`);
    if (r.auditBroken) process.stdout.write(`PERHATIAN: jejak audit di dalam cadangan rusak mulai entri #${r.auditBroken.seq} (${r.auditBroken.reason}). Laporkan kepada kepala kantor.\n`);
    recordRestore(resolve(dataDir), r.header.createdAt);
    if (r.previous) process.stdout.write(`Register sebelumnya disimpan di ${r.previous}.\n`);
    return 0;
  } catch (e) {
    if (e instanceof BackupFileError) {
      process.stderr.write(`Gagal: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

const commands: Record<string, (argv: string[]) => Promise<number>> = { init, serve, verify, demo, 'export-documents': exportDocumentsCommand, restore };

async function main(): Promise<number> {
  const [name, ...rest] = process.argv.slice(2);
  if (!name || name === 'help' || name === '--help') {
    process.stdout.write(USAGE);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Perintah tidak dikenal: ${name}\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n\n${USAGE}`);
      return 2;
    }
    process.stderr.write(`Gagal: ${(e as Error).message}\n`);
    return 1;
  }
}

main().then((code) => process.exit(code));
