import { eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { settings } from '../db/schema';

import type { OfficeTimeZone } from '../calendar';

export interface GeneralSettings {
  idleLockMinutes: number;
  /** The office's zone: deadlines and dates are counted in it. */
  timeZone: OfficeTimeZone;
  /** Register number pattern; tokens {urut:N}, {tahun}, {bulan}, {bulan_romawi}, {layanan}. */
  registerNoPattern: string;
}

export const DEFAULT_SETTINGS: GeneralSettings = {
  idleLockMinutes: 5,
  timeZone: 'Asia/Jakarta',
  registerNoPattern: 'REG/{tahun}/{urut:5}',
};

export function readGeneralSettings(db: Db): GeneralSettings & { version: number } {
  const row = db.select().from(settings).where(eq(settings.id, 'general')).get();
  return { ...DEFAULT_SETTINGS, ...((row?.value as Partial<GeneralSettings>) ?? {}), version: row?.version ?? 1 };
}
