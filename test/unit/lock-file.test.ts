import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The Windows installer is built with `npm ci`, which refuses a lock file that lacks an
 * optional platform binary a build tool asks for. A lock written on Linux by an npm that
 * pruned the other platforms' entries breaks that build: this reads the committed lock.
 */
const lock = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; optionalDependencies?: Record<string, string>; os?: string[]; cpu?: string[] }>;
};

/** Every optional dependency of `pkg` that names a platform must be in the lock, whatever platform wrote it. */
function platformBinariesOf(pkg: string): string[] {
  const entry = lock.packages[`node_modules/${pkg}`];
  if (!entry) throw new Error(`${pkg} is not in the lock`);
  return Object.keys(entry.optionalDependencies ?? {}).filter((n) => /win32|linux|darwin|android|freebsd|openbsd|sunos|aix|openharmony/.test(n));
}

describe('the committed lock file builds on every platform', () => {
  for (const tool of ['rollup', 'esbuild']) {
    it(`lists every platform binary ${tool} may ask for, so npm ci on Windows does not refuse it`, () => {
      const wanted = platformBinariesOf(tool);
      expect(wanted.length).toBeGreaterThan(5);
      const missing = wanted.filter((n) => !lock.packages[`node_modules/${n}`]);
      expect(missing).toEqual([]);
    });
  }

  it('has the Windows x64 binaries the installer build needs', () => {
    for (const name of ['@rollup/rollup-win32-x64-msvc', '@esbuild/win32-x64']) {
      const entry = lock.packages[`node_modules/${name}`];
      expect(entry, name).toBeDefined();
      expect(entry!.os).toEqual(['win32']);
    }
  });
});
