import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

/**
 * Teduh's files are its own: the data folder is 0700 and every file in it 0600, so other
 * accounts on the PC cannot even copy the encrypted register. A folder or file that already
 * exists with wider permissions (an older Teduh, a copy made by hand) is narrowed. On Windows
 * the folder under the user's profile is what keeps other accounts out; chmod changes little there.
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** Narrows an existing file to 0600; with `create`, makes an empty one (0600) when it is missing. */
export function ensurePrivateFile(file: string, opts: { create?: boolean } = {}): void {
  if (existsSync(file)) chmodSync(file, 0o600);
  else if (opts.create) closeSync(openSync(file, 'a', 0o600));
}
