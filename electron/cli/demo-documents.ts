import type { CaseListResult, DocumentDetail, DocumentTypeView } from '../core/api/contract';
import { documentCatalogue, isStoredType } from '../core/documents';

/**
 * The demonstration office's letter register: at least one document of every type, each
 * made from a case whose service produces it (preferably once its step is done), by a
 * member of staff whose role makes it, as the office would. The recovery-code sheet is
 * printed too, and, as always, not stored.
 */

type Username = 'petugas' | 'pendamping' | 'kepala' | 'sekretariat' | 'admin';
type Call = <T>(who: Username, method: string, input: unknown) => Promise<T>;

const BY_ROLE: Record<string, Username> = { secretariat: 'sekretariat', case_worker: 'pendamping', front_desk: 'petugas', head: 'kepala' };

export async function makeDemoDocuments(call: Call, recoveryCode: string, log: (s: string) => void): Promise<number> {
  const list = await call<CaseListResult>('kepala', 'cases.list', { pageSize: 200 });
  const options: { caseId: string; type: DocumentTypeView }[] = [];
  for (const row of list.rows) {
    const types = await call<DocumentTypeView[]>('sekretariat', 'documents.types.list', { caseId: row.id });
    for (const t of types) if (!t.problem) options.push({ caseId: row.id, type: t });
  }
  // A referral letter needs a referral: the crisis cases refer their victims to the hospital.
  if (!options.some((o) => o.type.code === 'surat_rujukan')) {
    const institutions = await call<{ id: string }[]>('kepala', 'institutions.list', {});
    const crisis = list.rows.find((r) => r.serviceCode === 'intervensi_krisis');
    if (crisis && institutions[0]) {
      const c = await call<{ version: number }>('pendamping', 'cases.get', { id: crisis.id });
      await call('pendamping', 'items.save', {
        caseId: crisis.id,
        caseVersion: c.version,
        kind: 'referral',
        data: { institutionId: institutions[0].id, reason: 'Visum et repertum dan perawatan luka.' },
        status: 'sent',
      });
      const types = await call<DocumentTypeView[]>('sekretariat', 'documents.types.list', { caseId: crisis.id });
      for (const t of types) if (t.code === 'surat_rujukan' && !t.problem) options.push({ caseId: crisis.id, type: t });
    }
  }
  let made = 0;
  for (const code of Object.keys(documentCatalogue) as (keyof typeof documentCatalogue)[]) {
    if (!isStoredType(code)) continue;
    const candidates = options.filter((o) => o.type.code === code);
    const best = candidates.find((o) => o.type.steps[0]?.status === 'done') ?? candidates[0];
    if (!best) {
      log(`(tidak ada kasus untuk ${documentCatalogue[code].title})`);
      continue;
    }
    const who = BY_ROLE[documentCatalogue[code].makers[0]!] ?? 'kepala';
    const doc = await call<DocumentDetail>(who, 'documents.generate', { caseId: best.caseId, type: code });
    log(`${doc.number ?? doc.registerNo} ${doc.typeTitle}`);
    made++;
  }
  await call('admin', 'documents.recoverySheet', { recoveryCode });
  return made;
}
