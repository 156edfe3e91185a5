import { eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { settings } from '../db/schema';

export interface GeneralSettings {
  idleLockMinutes: number;
}

export const DEFAULT_SETTINGS: GeneralSettings = { idleLockMinutes: 5 };

export function readGeneralSettings(db: Db): GeneralSettings & { version: number } {
  const row = db.select().from(settings).where(eq(settings.id, 'general')).get();
  return { ...DEFAULT_SETTINGS, ...((row?.value as Partial<GeneralSettings>) ?? {}), version: row?.version ?? 1 };
}
