import { ApiError } from '../api/errors';
import { passwordRefusalId, passwordStrength, type PasswordContext } from '../api/password-strength';
import type { Db } from '../db/open';
import { officeProfile } from '../db/schema';

/** Growing delay after failed attempts: none for the first two, then 5 s doubling up to 5 minutes. */
export function lockoutSeconds(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(5 * 2 ** (failures - 3), 300);
}

/**
 * Refuses a password that is too easy to guess (the shared rule in api/password-strength),
 * as a field error under `field`. Every way of setting a password passes through here.
 */
export async function requireStrongPassword(field: string, password: string, ctx: PasswordContext): Promise<void> {
  const message = passwordRefusalId(await passwordStrength(password, ctx));
  if (message) throw new ApiError('VALIDATION', undefined, { fields: { [field]: message } });
}

/** The office's name, a word anyone guessing a password there would try first. */
export function officeNameOf(db: Db): string {
  return db.select({ name: officeProfile.name }).from(officeProfile).get()?.name ?? '';
}
