/**
 * The office's numbers: the SIMFONI-PPA recap, service-standard compliance and workload of a
 * period, counted in SQL in the office's time zone (tables.ts describes each table as data),
 * the cases behind any count, the monthly series, and the recap as .xlsx, CSV or the
 * Laporan Bulanan.
 */
export { reportsHandlers } from './handlers';
export { buildRecap, type RecapFilters } from './recap';
export { periodBounds, periodLabel } from './period';
