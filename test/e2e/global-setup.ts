import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The harness serves out/renderer as built; a missing build is a setup mistake, said plainly. */
export default function globalSetup(): void {
  const index = resolve(import.meta.dirname, '../../out/renderer/index.html');
  if (!existsSync(index)) {
    throw new Error('The renderer is not built: run "npm run build" before "npx playwright test".');
  }
}
