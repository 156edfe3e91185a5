import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // "This PC's" secret storage for the whole run (staff key slots are bound to it); a test of
    // another PC passes its own. Never the home folder of whoever runs the tests.
    env: { TEDUH_DEVICE_SECRET_DIR: join(tmpdir(), `teduh-test-device-${process.pid}`) },
  },
});
