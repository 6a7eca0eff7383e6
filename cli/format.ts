/**
 * A float as the CLI prints it: JavaScript's shortest round-trip form (3, 2.772588722239781),
 * with NaN and infinities spelled as Python prints them.
 */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  return String(value);
}
