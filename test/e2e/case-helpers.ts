import type { Browser, Page } from '@playwright/test';
import type { CaseDetail, InputOf, MethodName } from '../../electron/core/api/contract';
import type { Role } from '../../electron/core/api/roles';
import { api, logInByApi } from './cases-api';
import { admin, logIn, type Harness } from './fixtures';

/**
 * The case-work stories' cast and scene, set up through the harness's API (cases-api.ts) as
 * colleagues at other desks would have done, so each story acts in the UI only where it matters.
 */

/** The API for a story: the harness's address is the story's own. */
export function apiOf(harness: Harness) {
  return <M extends MethodName>(token: string, method: M, input: InputOf<M>) => api(harness.url, method, input, token);
}

export interface Staff {
  username: string;
  fullName: string;
  role: Role;
  password: string;
}

export const staff = {
  worker: { username: 'dewi', fullName: 'Dewi Anggraini', role: 'case_worker', password: 'Pendamping-2026' },
  head: { username: 'sri', fullName: 'Sri Mulyani', role: 'head', password: 'Kepala-UPT-2026' },
  coordinator: { username: 'hendra', fullName: 'Hendra Gunawan', role: 'head', password: 'Koordinator-2026' },
} satisfies Record<string, Staff>;

/** The office's administrator creates the accounts; each person has already chosen their own password. */
export async function addStaff(harness: Harness, people: Staff[]): Promise<{ adminToken: string; tokens: Record<string, string> }> {
  const adminToken = await logInByApi(harness.url, admin.username, admin.password);
  const tokens: Record<string, string> = {};
  for (const p of people) {
    await api(harness.url, 'users.create', { username: p.username, fullName: p.fullName, role: p.role, initialPassword: 'Sementara-123' }, adminToken);
    const first = await logInByApi(harness.url, p.username, 'Sementara-123');
    await api(harness.url, 'auth.changePassword', { currentPassword: 'Sementara-123', newPassword: p.password }, first);
    tokens[p.username] = await logInByApi(harness.url, p.username, p.password);
  }
  return { adminToken, tokens };
}

const today = () => new Date().toISOString().slice(0, 10);

/** A mediation request: an adult victim who consents, her husband as the other party. */
export function aMediation(extra: Partial<InputOf<'cases.register'>> = {}): InputOf<'cases.register'> {
  return {
    serviceCode: 'mediasi',
    channel: 'walk_in',
    victims: [{ fullName: 'Wulan Purnama', birthDate: '1990-04-12', sex: 'P' }],
    perpetrators: [{ fullName: 'Bayu Saputra', birthDate: '1987-02-03', sex: 'L', relation: 'suami_istri' }],
    violenceTypes: ['psikis'],
    incident: { date: today(), place: 'rumah_tangga', region: '', rt: '', rw: '', address: '' },
    chronology: 'Perselisihan nafkah anak setelah berpisah; korban meminta kesepakatan tertulis.',
    consent: { givenBy: 'victim', name: 'Wulan Purnama', date: today() },
    ...extra,
  };
}

export async function registerCaseDetail(harness: Harness, token: string, intake: InputOf<'cases.register'>): Promise<CaseDetail> {
  const { id } = await api(harness.url, 'cases.register', intake, token);
  return api(harness.url, 'cases.get', { id }, token);
}

/** A page of its own (its own session) for one person, logged in and looking at a case. */
export async function openAs(browser: Browser, harness: Harness, person: { username: string; password: string }, path = ''): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(harness.url);
  await logIn(page, person.username, person.password);
  await page.getByTestId('current-user').waitFor();
  if (path) await page.goto(`${harness.url}#${path}`);
  return page;
}

export const casePath = (id: string) => `/cases/${id}`;
