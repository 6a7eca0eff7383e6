/**
 * A float64 printed as SymPy prints a Float of 53-bit precision: 15 significant digits
 * (mpmath's to_str with dps = 15). At the top level SymPy keeps trailing zeros
 * (`Float(1.0)` → `1.00000000000000`); inside a larger expression it strips them (`1.0*x`).
 *
 * The digits come from the exact binary value, computed with bigint the way mpmath does it:
 * 18 digits rounded toward zero, then rounded half-up to 15 on the 16th digit.
 */

const DPS = 15;
const LOG2_10 = 3.3219280948873626; // Python's math.log(10, 2)

/** The exact value as sign, odd mantissa and binary exponent: |v| = man · 2^exp. */
function decompose(v: number): { man: bigint; exp: number } {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, Math.abs(v));
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const biased = hi >>> 20;
  let man = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (biased === 0) exp = -1074;
  else {
    man |= 1n << 52n;
    exp = biased - 1075;
  }
  while (man !== 0n && (man & 1n) === 0n) {
    man >>= 1n;
    exp++;
  }
  return { man, exp };
}

/** mpmath's to_digits_exp: (digits, decimal exponent of the first digit), truncated. */
function toDigitsExp(man: bigint, exp: number, dps: number): [string, number] {
  const bc = man.toString(2).length;
  const bitprec = Math.floor(dps * LOG2_10) + 10;
  const fixprec = Math.max(bitprec - exp - bc, 0);
  const fixdps = Math.floor(fixprec / LOG2_10 + 0.5);
  const shift = exp + fixprec;
  const sf = shift >= 0 ? man << BigInt(shift) : man >> BigInt(-shift);
  const sd = (sf * 10n ** BigInt(fixdps)) >> BigInt(fixprec);
  let digits = sd.toString();
  if (digits.length < dps) digits = '0'.repeat(dps - digits.length) + digits;
  return [digits, digits.length - fixdps - 1];
}

/** SymPy's str of a Float with 15 digits; `strip` drops trailing zeros (nested printing). */
export function formatFloat(v: number, strip: boolean): string {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  const sign = v < 0 || Object.is(v, -0) ? '-' : '';
  if (v === 0) return sign + '0.0';
  const { man, exp } = decompose(v);
  let [digits, exponent] = toDigitsExp(man, exp, DPS + 3);
  if (digits.length > DPS && '56789'.includes(digits[DPS]!)) {
    digits = digits.slice(0, DPS);
    let i = DPS - 1;
    while (i >= 0 && digits[i] === '9') i--;
    if (i >= 0)
      digits = digits.slice(0, i) + String(Number(digits[i]) + 1) + '0'.repeat(DPS - i - 1);
    else {
      digits = '1' + '0'.repeat(DPS - 1);
      exponent++;
    }
  } else digits = digits.slice(0, DPS);
  let split = 1;
  const minFixed = Math.min(-Math.floor(DPS / 3), -5);
  if (minFixed < exponent && exponent < DPS) {
    if (exponent < 0) digits = '0'.repeat(-exponent) + digits;
    else {
      split = exponent + 1;
      if (split > DPS) digits += '0'.repeat(split - DPS);
    }
    exponent = 0;
  }
  digits = digits.slice(0, split) + '.' + digits.slice(split);
  if (strip) {
    digits = digits.replace(/0+$/, '');
    if (digits.endsWith('.')) digits += '0';
  }
  if (exponent === 0) return sign + digits;
  return sign + digits + (exponent > 0 ? 'e+' : 'e') + String(exponent);
}
