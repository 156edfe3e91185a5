import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disposeAll, ok, tempDir } from '../fixtures/office';
import { contentOf, fileBytes, HEAD, makeDocument, officeWithCaseForEveryDocument, type DocumentsWorld } from '../fixtures/documents';

/**
 * Every document type opens in LibreOffice Writer (Debian's libreoffice-writer-nogui) and
 * converts to PDF, and the PDF's text (poppler-utils' pdftotext) holds the key fields. CI
 * installs both; a machine without them fails here with the reason, it does not skip.
 */

function tool(name: string, args: string[]): string | null {
  const r = spawnSync(name, args, { encoding: 'utf8' });
  return r.error || r.status !== 0 ? null : `${r.stdout}${r.stderr}`.trim();
}

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

let world: DocumentsWorld;
let dir: string;
const made: { name: string; holds: string[] }[] = [];

beforeAll(async () => {
  const missing = [
    tool('soffice', ['--version']) === null ? 'soffice (Debian package libreoffice-writer-nogui)' : null,
    tool('pdftotext', ['-v']) === null ? 'pdftotext (Debian package poppler-utils)' : null,
  ].filter(Boolean);
  if (missing.length) throw new Error(`This test converts every document to PDF and needs: ${missing.join(', ')}. Install them (apt-get install libreoffice-writer-nogui poppler-utils).`);

  world = await officeWithCaseForEveryDocument();
  dir = tempDir('teduh-pdf-');
  const docx = join(dir, 'docx');
  mkdirSync(docx);
  for (const [i, job] of world.jobs.entries()) {
    const doc = await makeDocument(world, job);
    const name = `${String(i).padStart(2, '0')}-${job.type}`;
    writeFileSync(join(docx, `${name}.docx`), await contentOf(world, doc.id));
    // Short fields (names, numbers, dates): a long text in a table cell may come out of pdftotext between its neighbours' lines.
    made.push({ name, holds: [...(doc.number ? [doc.number] : []), ...job.holds.filter((h) => h.length <= 40 && !h.includes('\t')).slice(0, 5)] });
  }
  const sheet = ok(await world.team.admin.call('documents.recoverySheet', { recoveryCode: world.office.recoveryCode }));
  writeFileSync(join(docx, '99-lembar_kode_pemulihan.docx'), fileBytes(sheet));
  made.push({ name: '99-lembar_kode_pemulihan', holds: [world.office.recoveryCode, 'LEMBAR KODE PEMULIHAN'] });

  // One conversion for all files, with a private LibreOffice profile so parallel runs never share one.
  const profile = pathToFileURL(join(dir, 'lo-profile')).href;
  const files = made.map((m) => join(docx, `${m.name}.docx`));
  const r = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', join(dir, 'pdf'), ...files], {
    encoding: 'utf8',
    timeout: 240_000,
  });
  if (r.status !== 0) throw new Error(`LibreOffice could not convert the documents: ${r.error?.message ?? r.stderr}`);
}, 300_000);
afterAll(disposeAll);

describe('every document converts to PDF in LibreOffice, with its key fields in the text', () => {
  it('each type', () => {
    expect(made.length).toBeGreaterThanOrEqual(15);
    for (const m of made) {
      const pdf = join(dir, 'pdf', `${m.name}.pdf`);
      expect(existsSync(pdf), `${m.name}.pdf was written`).toBe(true);
      expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const r = spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
      expect(r.status, `pdftotext ${m.name}`).toBe(0);
      const text = flat(r.stdout);
      expect(text, m.name).toContain('UPTD PPA KOTA MOJOKERTO');
      for (const h of m.holds) expect(text, `${m.name} holds "${h}"`).toContain(flat(h));
      if (!m.name.includes('kode_pemulihan') && !m.name.includes('tanda_terima') && !m.name.includes('formulir') && !m.name.includes('nota_')) {
        expect(text, `${m.name} is signed by the head`).toContain(HEAD.fullName);
      }
    }
  });
});
