import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderApiDocs } from '../../electron/core/api/docs';
import { contract } from '../../electron/core/api/contract';

describe('docs/api.md', () => {
  it('is exactly what the contract generates (run npm run docs:api after changing the contract)', () => {
    const onDisk = readFileSync(resolve(import.meta.dirname, '../../docs/api.md'), 'utf8');
    expect(onDisk).toBe(renderApiDocs());
  });

  it('lists every method with its input fields', () => {
    const text = renderApiDocs();
    for (const name of Object.keys(contract)) expect(text).toContain(`## ${name}\n`);
    expect(text).toContain('| `admin.password` | string | yes |');
    expect(text).toContain('| `idleLockMinutes` | integer | no | >= 1; <= 120 |');
    expect(text).toContain('| `caseVersion` | integer | yes |');
  });
});
