import { performance } from 'node:perf_hooks';
import type { Core } from '../../electron/core';
import { documentCatalogue } from '../../electron/core/documents';
import { buildContext } from '../../electron/core/documents/context';
import { renderFromContext, loadOffice } from '../../electron/core/documents/generate';
import { readDocumentSettings } from '../../electron/core/documents/settings';
import type { UserRow } from '../../electron/core/db/schema';

/**
 * Documents for `npm run bench`: one referral letter made through the API (read the case,
 * lay out, pack the .docx, take a number, store it with its hash, audit), beside its floor
 * (the same letter laid out and packed alone, no database); and a batch of 100 letters.
 */

interface Stat {
  p50: number;
  p95: number;
}
export interface DocumentFigure extends Stat {
  op: string;
  n: number;
  budget?: number;
  floors?: Record<string, Stat>;
}

type Measure = (n: number, fn: (i: number) => unknown) => Promise<Stat>;

async function as(core: Core, token: string, method: string, input: unknown): Promise<any> {
  const r = await core.call({ token }, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

/** `admin`: the administrator's credentials (a long run outlives the idle lock, so this logs in afresh). */
export async function benchDocuments(core: Core, admin: { username: string; password: string }, measure: Measure): Promise<DocumentFigure[]> {
  const login = (await core.call({}, 'auth.login', admin)) as { ok: boolean; value: { token: string } };
  if (!login.ok) throw new Error('admin login failed');
  const adminToken = login.value.token;
  await as(core, adminToken, 'users.create', { username: 'sekretariat', fullName: 'Yuni Astuti', role: 'secretariat', initialPassword: 'sandi-awal-1' });
  await as(core, adminToken, 'users.create', {
    username: 'kepala',
    fullName: 'Dra. Sri Mulyani, M.Si.',
    role: 'head',
    initialPassword: 'sandi-awal-1',
    position: 'Kepala UPTD PPA',
    nip: '197004121995032003',
    rank: 'Pembina (IV/a)',
  });
  const first = (await core.call({}, 'auth.login', { username: 'sekretariat', password: 'sandi-awal-1' })) as { ok: true; value: { token: string } };
  const token = first.value.token;
  await as(core, token, 'auth.changePassword', { currentPassword: 'sandi-awal-1', newPassword: 'sandi-sekretariat-2' });
  const hospital = await as(core, adminToken, 'institutions.save', { name: 'RSUD dr. Wahidin Sudiro Husodo', kind: 'hospital', address: 'Jl. Raya Surodinawan' });
  const c = await as(core, adminToken, 'cases.register', {
    serviceCode: 'intervensi_krisis',
    channel: 'walk_in',
    victims: [{ fullName: 'Wulan Handayani', birthDate: '1994-03-12', sex: 'P', nik: '3576015203940001' }],
    perpetrators: [{ fullName: 'Agus Handayani', relation: 'suami_istri' }],
    violenceTypes: ['fisik'],
    chronology: 'Korban datang malam hari setelah dipukul.',
    consent: { givenBy: 'victim', name: 'Wulan Handayani', date: '2026-11-22' },
  });
  const detail = await as(core, token, 'cases.get', { id: c.id });
  await as(core, token, 'items.save', { caseId: c.id, caseVersion: detail.version, kind: 'referral', data: { institutionId: hospital.id, reason: 'Visum et repertum dan perawatan luka.' } });
  const letter = { caseId: c.id, type: 'surat_rujukan' };

  const N = 50;
  const one = await measure(N, () => as(core, token, 'documents.generate', letter));

  // Floor: the same letter laid out and packed, without reading or writing the register.
  const { db } = core.register.db;
  const def = documentCatalogue.surat_rujukan;
  const office = loadOffice(db);
  const settings = readDocumentSettings(db);
  const author = { fullName: 'Yuni Astuti', position: 'Staf Sekretariat', nip: '', rank: '' } as UserRow;
  const ctx = buildContext({ type: def, office, timeZone: 'Asia/Jakarta', date: '2026-11-23', number: '400.10/001/UPTD-PPA/2026', signer: null, author });
  const renderOnly = await measure(N, () => renderFromContext(def, ctx, office, settings, '400.10/001/UPTD-PPA/2026', {}));

  const t0 = performance.now();
  for (let i = 0; i < 100; i++) await as(core, token, 'documents.generate', letter);
  const batch = Math.round((performance.now() - t0) * 10) / 10;

  return [
    { op: 'letter_docx', n: N, ...one, budget: 100, floors: { render_only: renderOnly } },
    { op: 'letters_batch_100', n: 1, p50: batch, p95: batch },
  ];
}
