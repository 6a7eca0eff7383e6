/**
 * Python's float formatting (`'{:.4f}'`, `'{:.4e}'`, `'{}'`), which PyTorch's repr uses. It
 * differs from JavaScript's toFixed/toExponential in three places: exact ties round half to
 * even, -0 keeps its sign, and the exponent has at least two digits.
 */

function nonFinite(x: number): string | undefined {
  if (x !== x) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  return undefined;
}

/** Rounds a digit string (no sign, no point) up by one unit in its last place. */
function incrementDigits(digits: string): string {
  const d = digits.split('');
  let i = d.length - 1;
  while (i >= 0) {
    if (d[i] === '9') {
      d[i] = '0';
      i--;
    } else {
      d[i] = String(Number(d[i]) + 1);
      return d.join('');
    }
  }
  return '1' + d.join('');
}

/**
 * When `x` lies exactly halfway between two `digits`-place decimals, JavaScript rounds away
 * from zero and Python to even. `longer` is x with 25 more digits (exact for a tie, whose
 * expansion ends right there).
 */
function isTie(longer: string, keep: number): boolean {
  return /^50*$/.test(longer.slice(keep));
}

/** `'{:.pf}'.format(x)` */
export function formatFixed(x: number, precision: number): string {
  const nf = nonFinite(x);
  if (nf !== undefined) return nf;
  const neg = x < 0 || Object.is(x, -0);
  const ax = Math.abs(x);
  let s = ax.toFixed(precision);
  if (ax < 1e21) {
    const longer = ax.toFixed(Math.min(100, precision + 25));
    const point = longer.indexOf('.');
    const keepLen = point < 0 ? longer.length : point + 1 + precision;
    if (isTie(longer.replace('.', ''), keepLen - (point < 0 ? 0 : 1))) {
      // Python keeps the even neighbour: truncate, then round up only if the kept digit is odd.
      const truncated = longer.slice(0, precision === 0 ? point : keepLen);
      const last = truncated.replace('.', '').slice(-1);
      if (Number(last) % 2 === 0) s = truncated;
      else {
        const digits = incrementDigits(truncated.replace('.', ''));
        s = precision === 0 ? digits : digits.slice(0, -precision) + '.' + digits.slice(-precision);
      }
    }
  }
  return neg ? '-' + s : s;
}

/** `'{:.pe}'.format(x)`: mantissa with p decimals, exponent signed with at least 2 digits. */
export function formatExp(x: number, precision: number): string {
  const nf = nonFinite(x);
  if (nf !== undefined) return nf;
  const neg = x < 0 || Object.is(x, -0);
  const ax = Math.abs(x);
  let s = ax.toExponential(precision);
  const longer = ax.toExponential(Math.min(100, precision + 25));
  const [lm, le] = longer.split('e') as [string, string];
  const lDigits = lm.replace('.', '');
  if (isTie(lDigits, precision + 1)) {
    const kept = lDigits.slice(0, precision + 1);
    let digits = kept;
    let exp = Number(le);
    if (Number(kept.slice(-1)) % 2 === 1) {
      digits = incrementDigits(kept);
      if (digits.length > precision + 1) {
        digits = digits.slice(0, precision + 1);
        exp += 1;
      }
    }
    s = `${digits[0]}${precision > 0 ? '.' + digits.slice(1) : ''}e${exp >= 0 ? '+' : ''}${exp}`;
  }
  const [mant, e] = s.split('e') as [string, string];
  const sign = e[0] === '-' ? '-' : '+';
  const expDigits = e.replace(/^[+-]/, '').padStart(2, '0');
  return `${neg ? '-' : ''}${mant}e${sign}${expDigits}`;
}
