import { sql } from 'drizzle-orm';
import type { Db } from './open';
import { sequences } from './schema';

/**
 * Allocates the next number of a series for a year, inside the caller's transaction:
 * if the transaction rolls back, the number was never taken; once committed it is never reused.
 */
export function allocateNumber(db: Db, series: string, year: number): number {
  const row = db
    .insert(sequences)
    .values({ series, year, last: 1 })
    .onConflictDoUpdate({ target: [sequences.series, sequences.year], set: { last: sql`${sequences.last} + 1` } })
    .returning({ last: sequences.last })
    .get();
  return row.last;
}
