/** Minimal `--flag value` / `--switch` parsing; unknown flags are an error, not ignored. */
export function parseArgs(argv: string[], spec: { values: string[]; switches: string[] }): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new UsageError(`argumen tidak dikenal: ${a}`);
    const name = a.slice(2);
    if (spec.switches.includes(name)) out[name] = true;
    else if (spec.values.includes(name)) {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`--${name} memerlukan nilai`);
      out[name] = v;
    } else throw new UsageError(`opsi tidak dikenal: --${name}`);
  }
  return out;
}

export class UsageError extends Error {}

export function requireValue(args: Record<string, string | true>, name: string): string {
  const v = args[name];
  if (typeof v !== 'string' || !v) throw new UsageError(`--${name} wajib diisi`);
  return v;
}

/**
 * Reads a secret from standard input: the first line, without its line ending.
 * At a terminal it asks with a prompt and does not echo what is typed.
 */
export async function readSecretFromStdin(prompt = 'Kata sandi: '): Promise<string> {
  if (process.stdin.isTTY) return readHidden(prompt);
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const line = text.split(/\r?\n/)[0] ?? '';
  if (!line) throw new UsageError('kata sandi dibaca dari standard input, tetapi kosong');
  return line;
}

async function readHidden(prompt: string): Promise<string> {
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const out = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stderr.write(prompt);
  out._writeToOutput = () => {};
  const line = await new Promise<string>((res) => rl.once('line', res));
  rl.close();
  process.stderr.write('\n');
  if (!line) throw new UsageError('kata sandi kosong');
  return line;
}
