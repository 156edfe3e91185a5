/** Growing delay after failed attempts: none for the first two, then 5 s doubling up to 5 minutes. */
export function lockoutSeconds(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(5 * 2 ** (failures - 3), 300);
}
