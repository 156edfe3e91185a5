import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

const MAX_BYTES = 1024 * 1024;

/**
 * The shell's operational log: one timestamped line per event. Callers pass method names
 * and error codes only, never case data. The file is rolled over once it passes 1 MB.
 */
export function createLineLog(file: string): (line: string) => void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    if ((statSync(file, { throwIfNoEntry: false })?.size ?? 0) > MAX_BYTES) renameSync(file, `${file}.1`);
  } catch {
    // A log that cannot be rolled over is still written to.
  }
  return (line) => {
    try {
      appendFileSync(file, `${new Date().toISOString()} ${line.replace(/[\r\n]+/g, ' ')}\n`, { mode: 0o600 });
    } catch {
      // Logging must never take the app down.
    }
  };
}
