import { z } from 'zod';
import { contract } from './contract';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
};

const accessText: Record<string, string> = {
  public: 'public (no session)',
  session: 'any logged-in user',
};

function typeOf(s: JsonSchema): string {
  if (s.enum) return s.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' \\| ');
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  if (s.anyOf) return s.anyOf.map(typeOf).join(' \\| ');
  if (s.type === 'array') return `${s.items ? typeOf(s.items) : 'any'}[]`;
  if (Array.isArray(s.type)) return s.type.join(' \\| ');
  return s.type ?? 'any';
}

function constraints(s: JsonSchema): string {
  const c: string[] = [];
  if (s.minLength !== undefined) c.push(`min ${s.minLength} chars`);
  if (s.maxLength !== undefined) c.push(`max ${s.maxLength} chars`);
  if (s.minimum !== undefined) c.push(`>= ${s.minimum}`);
  if (s.maximum !== undefined) c.push(`<= ${s.maximum}`);
  if (s.pattern) c.push(`pattern \`${s.pattern.replace(/\|/g, '\\|')}\``);
  if (s.format) c.push(s.format);
  if (s.default !== undefined) c.push(`default \`${JSON.stringify(s.default)}\``);
  return c.join('; ');
}

function rows(schema: JsonSchema, prefix = ''): string[] {
  const out: string[] = [];
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    const path = prefix + name;
    const required = schema.required?.includes(name) && prop.default === undefined ? 'yes' : 'no';
    const nested = prop.properties ? prop : prop.anyOf?.find((a) => a.properties);
    out.push(`| \`${path}\` | ${nested ? 'object' : typeOf(prop)}${nested && prop.anyOf ? ' \\| null' : ''} | ${required} | ${constraints(prop)} |`);
    if (nested) out.push(...rows(nested, `${path}.`));
  }
  return out;
}

/** docs/api.md, generated from the contract so that it cannot drift. */
export function renderApiDocs(): string {
  const lines = [
    '# Teduh API',
    '',
    'Generated from `electron/core/api/contract.ts` by `npm run docs:api`; do not edit by hand (a test fails when it drifts).',
    '',
    'Every method takes one JSON object as input and answers with the envelope',
    '`{ "ok": true, "value": ... }` or `{ "ok": false, "error": { "code", "message", "fields"? } }`.',
    'In the web harness: `POST /api/<method>` with a JSON body; the session token from `auth.login` goes in',
    '`Authorization: Bearer <token>`.',
    '',
    '| Method | Access | Audit | Summary |',
    '|---|---|---|---|',
  ];
  const names = Object.keys(contract).sort() as (keyof typeof contract)[];
  for (const name of names) {
    const spec = contract[name];
    lines.push(`| [\`${name}\`](#${name.replace(/\./g, '').toLowerCase()}) | ${accessText[spec.access] ?? `permission \`${spec.access}\``} | ${spec.audit} | ${spec.summary} |`);
  }
  for (const name of names) {
    const spec = contract[name];
    const schema = z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    lines.push('', `## ${name}`, '', spec.summary, '', `- Access: ${accessText[spec.access] ?? `permission \`${spec.access}\``}`, `- Audit: ${spec.audit}`, '');
    const r = rows(schema);
    if (r.length === 0) lines.push('Input: `{}`');
    else lines.push('| Field | Type | Required | Constraints |', '|---|---|---|---|', ...r);
  }
  return lines.join('\n') + '\n';
}
