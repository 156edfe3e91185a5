import type { MonthlySeries } from '../api/contract-reports';
import type { Sqlite } from '../db/open';
import { stmt } from '../db/statements';
import type { OfficeTimeZone } from '../calendar';
import { MONTHS } from '../text';
import { periodBounds } from './period';
import { currentServices } from './recap';
import { serviceFilter } from './sql';

const monthStart = (year: number, month: number): string => new Date(Date.UTC(year, month - 1, 1)).toISOString().slice(0, 10);

/** Cases received per month (office calendar) for the twelve months ending with `endMonth`, by service, zeros included. */
export function monthlySeries(sqlite: Sqlite, tz: OfficeTimeZone, endMonth: string, serviceCode: string | null): MonthlySeries {
  const [y, m] = endMonth.split('-').map(Number) as [number, number];
  const months = Array.from({ length: 12 }, (_, i) => monthStart(y, m - 11 + i).slice(0, 7));
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const b = periodBounds({ from: `${months[0]}-01`, to: last }, tz);
  const counts = stmt(
    sqlite,
    `SELECT strftime('%Y-%m', c.created_at, @off) AS m, c.service_code AS s, count(*) AS n FROM cases c
     WHERE c.created_at >= @from AND c.created_at < @to AND c.deleted_at IS NULL AND ${serviceFilter('c')} GROUP BY m, s`,
  ).all({ from: b.fromIso, to: b.toIso, off: b.offset, service: serviceCode }) as { m: string; s: string; n: number }[];
  const services = currentServices(sqlite)
    .filter((s) => !serviceCode || s.code === serviceCode)
    .map((s) => ({ code: s.code, label: s.def.shortName }));
  return {
    services,
    months: months.map((month) => {
      const per: Record<string, number> = Object.fromEntries(services.map((s) => [s.code, 0]));
      for (const c of counts) if (c.m === month && c.s in per) per[c.s] = c.n;
      return { month, label: `${MONTHS[Number(month.slice(5)) - 1]} ${month.slice(0, 4)}`, counts: per, total: Object.values(per).reduce((a, n) => a + n, 0) };
    }),
  };
}
