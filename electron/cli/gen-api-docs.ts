import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderApiDocs } from '../core/api/docs';

/** Writes docs/api.md from the contract; with --check, exits 1 when the file is out of date. */
const file = resolve(import.meta.dirname, '../../docs/api.md');
const text = renderApiDocs();
if (process.argv.includes('--check')) {
  const current = (() => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return '';
    }
  })();
  if (current !== text) {
    process.stderr.write('docs/api.md is out of date: run npm run docs:api\n');
    process.exit(1);
  }
} else {
  writeFileSync(file, text);
  process.stdout.write(`wrote ${file}\n`);
}
