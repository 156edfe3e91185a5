import type { InputOf, IntakeInput, MethodName, OutputOf } from '../../electron/core/api/contract';
import type { Role } from '../../electron/core/api/roles';
import { admin } from './fixtures';

/**
 * What the case stories set up before the browser opens, through the harness's own API
 * (POST /api/<method> with a bearer token): staff and cases, without long detours in the UI.
 */

export async function api<M extends MethodName>(baseUrl: string, method: M, input: InputOf<M>, token?: string): Promise<OutputOf<M>> {
  const res = await fetch(new URL(`api/${method}`, baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
  const envelope = (await res.json()) as { ok: true; value: OutputOf<M> } | { ok: false; error: { code: string; message: string; fields?: unknown } };
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.code} ${envelope.error.message} ${JSON.stringify(envelope.error.fields ?? {})}`);
  return envelope.value;
}

export async function logInByApi(baseUrl: string, username: string, password: string): Promise<string> {
  const result = (await api(baseUrl, 'auth.login', { username, password })) as { token: string };
  return result.token;
}

export interface StaffMember {
  username: string;
  fullName: string;
  role: Role;
  password: string;
}

export const frontDesk: StaffMember = { username: 'dewi.front', fullName: 'Dewi Lestari', role: 'front_desk', password: 'Meja-Depan-2026' };

/** An active colleague with their own password (the first-login change already made); returns their token. */
export async function addStaffMember(baseUrl: string, who: StaffMember): Promise<string> {
  const adminToken = await logInByApi(baseUrl, admin.username, admin.password);
  const temporary = 'Sementara-2026';
  await api(baseUrl, 'users.create', { username: who.username, fullName: who.fullName, role: who.role, initialPassword: temporary }, adminToken);
  const token = await logInByApi(baseUrl, who.username, temporary);
  await api(baseUrl, 'auth.changePassword', { currentPassword: temporary, newPassword: who.password }, token);
  return logInByApi(baseUrl, who.username, who.password);
}

export function addFrontDeskOfficer(baseUrl: string): Promise<string> {
  return addStaffMember(baseUrl, frontDesk);
}

/** A walk-in complaint of violence with one victim, as the intake form would send it. */
export function walkInComplaint(victimName: string, extra: Partial<IntakeInput> = {}): IntakeInput {
  return {
    serviceCode: 'pengaduan_kekerasan',
    channel: 'walk_in',
    riskLevel: 'medium',
    victims: [{ fullName: victimName, sex: 'P', birthDate: '1992-03-14' }],
    violenceTypes: ['psikis'],
    chronology: 'Korban datang ke kantor dan menceritakan kekerasan yang dialaminya di rumah.',
    consent: { givenBy: 'victim', name: victimName, date: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10) },
    ...extra,
  };
}

export async function registerCase(baseUrl: string, token: string, input: IntakeInput) {
  return api(baseUrl, 'cases.register', input, token);
}
