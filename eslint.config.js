import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises', 'http',
  'http2', 'https', 'net', 'os', 'path', 'process', 'readline', 'stream', 'tls', 'url', 'util', 'v8', 'vm',
  'worker_threads', 'zlib',
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  // Process boundaries (enforced, not just agreed):
  {
    // The core runs under plain Node: never Electron.
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'electron/core runs without Electron.' }], patterns: [{ group: ['electron/*'], message: 'electron/core runs without Electron.' }, { group: ['**/main/*', '**/preload/*'], message: 'The core does not reach into the Electron shell.' }] }],
    },
  },
  {
    // The renderer is a web page: no Node modules, no core internals (the API contract types are fine).
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks to the core only through window.teduh.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer cannot use Node modules.' })),
          ],
          patterns: [
            { group: ['node:*'], message: 'The renderer cannot use Node modules.' },
            {
              regex: '(^|/)electron/(?!core/api/(contract|bridge|errors|roles|password-strength)$)',
              message: 'Only the API contract (electron/core/api/{contract,bridge,errors,roles,password-strength}) may be imported by the renderer.',
            },
          ],
        },
      ],
    },
  },
  {
    // The preload imports nothing but electron (and types).
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['*', '!electron'], message: 'The preload imports only electron.', allowTypeImports: true }] }],
    },
  },
);
