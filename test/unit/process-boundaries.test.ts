import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('process boundaries (npm run lint)', () => {
  it('the core never imports electron', async () => {
    expect(await restricted('electron/core/cases/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
  });

  it('the renderer cannot use Node modules or reach into the core', async () => {
    const msgs = await restricted(
      'renderer/src/screens/x/X.ts',
      "import { readFileSync } from 'node:fs';\nimport path from 'path';\nimport { Register } from '../../../../electron/core/register';\nexport const x = [readFileSync, path, Register];\n",
    );
    expect(msgs).toHaveLength(3);
  });

  it('the renderer may import the API contract, its errors, roles and the bridge type', async () => {
    const msgs = await restricted(
      'renderer/src/screens/x/X.ts',
      "import { contract } from '../../../../electron/core/api/contract';\nimport { errorCodes } from '../../../../electron/core/api/errors';\nimport type { Role } from '../../../../electron/core/api/roles';\nimport type { TeduhBridge } from '../../../../electron/core/api/bridge';\nexport const x: [unknown, unknown, Role?, TeduhBridge?] = [contract, errorCodes];\n",
    );
    expect(msgs).toEqual([]);
  });

  it('the preload imports nothing but electron', async () => {
    expect(await restricted('electron/preload/x.ts', "import { contextBridge } from 'electron';\nexport const c = contextBridge;\n")).toEqual([]);
    expect(await restricted('electron/preload/x.ts', "import { z } from 'zod';\nexport const c = z;\n")).toHaveLength(1);
  });
});
