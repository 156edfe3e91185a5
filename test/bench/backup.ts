import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Core } from '../../electron/core';

interface Stat {
  p50: number;
  p95: number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * One backup through the API, as the office gets it: the copy (the checkpointed file, or VACUUM
 * INTO), its check (quick_check, and the audit chain: the whole chain the first time, then only
 * the entries since the newest good backup's check), packing and fsync; beside its floor,
 * copying the database file as it is. The first run, with the whole chain, is reported apart.
 * Backups are named by the second, so runs are a second apart (not timed).
 */
export async function benchBackup(core: Core, adminToken: string, dir: string, runs = 4) {
  const folder = join(dir, 'cadangan');
  mkdirSync(folder);
  const status = await core.call({ token: adminToken }, 'backup.status', {});
  if (!status.ok) throw new Error(status.error.message);
  const set = await core.call({ token: adminToken }, 'backup.settings.update', { version: (status.value as { version: number }).version, folder, auto: false });
  if (!set.ok) throw new Error(set.error.message);
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < runs; i++) {
    await new Promise((r) => setTimeout(r, 1100));
    const s = performance.now();
    const r = await core.call({ token: adminToken }, 'backup.run', {});
    times.push(performance.now() - s);
    if (!r.ok) throw new Error(r.error.message);
    const made = (r.value as { made: { size: number; check: string } }).made;
    if (made.check !== 'ok') throw new Error(`the bench register's backup failed its check (${made.check})`);
    size = made.size;
  }
  const copies: number[] = [];
  for (let i = 0; i < runs; i++) {
    const target = join(dir, `copy-${i}.db`);
    const s = performance.now();
    copyFileSync(core.register.dbFile, target);
    copies.push(performance.now() - s);
    rmSync(target);
  }
  const stat = (t: number[]): Stat => {
    const sorted = [...t].sort((a, b) => a - b);
    return { p50: round(sorted[Math.floor(sorted.length / 2)]!), p95: round(sorted[sorted.length - 1]!) };
  };
  const [first, ...later] = times;
  return [
    { op: 'backup_whole_chain', n: 1, p50: round(first!), p95: round(first!), floors: { file_copy: stat(copies) } },
    { op: 'backup', n: later.length, ...stat(later), floors: { file_copy: stat(copies) } },
    { op: 'backup_size_mb', n: 1, p50: round(size / 1024 / 1024), p95: round(statSync(core.register.dbFile).size / 1024 / 1024) },
  ];
}
