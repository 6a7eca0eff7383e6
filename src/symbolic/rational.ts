/** Exact integer helpers on bigint: gcd, perfect roots, small factorisations. */

export function babs(a: bigint): bigint {
  return a < 0n ? -a : a;
}

export function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  if (a === 1n || b === 1n) return 1n;
  while (b !== 0n) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}

/** Floor division and a non-negative remainder for a positive divisor. */
export function divmod(a: bigint, b: bigint): [bigint, bigint] {
  let q = a / b;
  let r = a % b;
  if (r < 0n) {
    q -= 1n;
    r += b;
  }
  return [q, r];
}

/** The number of bits of |n| (0 for 0). */
export function bitLength(n: bigint): number {
  if (n < 0n) n = -n;
  if (n <= 0xffffffffn) return 32 - Math.clz32(Number(n));
  return n.toString(2).length;
}

/**
 * The largest exact power mibun computes, in bits (about 9,900 decimal digits). A power
 * whose exact value would be larger (`3**(2**40)`) stays an unevaluated power rather than
 * exhausting memory; SymPy computes any size it is given (or runs out of memory trying).
 */
export const MAX_EXACT_BITS = 1 << 15;

/** ⌊n^(1/k)⌋ for n ≥ 0 and whether the root is exact (Newton's method on integers). */
export function integerNthRoot(n: bigint, k: number): [bigint, boolean] {
  if (n < 2n) return [n, true];
  if (k === 1) return [n, true];
  // SymPy's shortcut: a root of a degree above the bit length lies strictly between 1 and 2
  if (k > bitLength(n)) return [1n, false];
  const K = BigInt(k);
  // start above the root: 2^(⌈bits/k⌉)
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / k));
  for (;;) {
    const y = ((K - 1n) * x + n / x ** (K - 1n)) / K;
    if (y >= x) break;
    x = y;
  }
  return [x, x ** K === n];
}

/**
 * Prime factors of n > 0 found by trial division up to `limit` (SymPy uses 2^15 for radicals);
 * any cofactor left over is returned as one "prime" with multiplicity 1.
 */
export function smallFactors(n: bigint, limit = 32768n): Map<bigint, number> {
  const out = new Map<bigint, number>();
  const take = (p: bigint): void => {
    let k = 0;
    while (n % p === 0n) {
      n /= p;
      k++;
    }
    if (k) out.set(p, k);
  };
  take(2n);
  for (let p = 3n; p <= limit && p * p <= n; p += 2n) take(p);
  if (n > 1n) out.set(n, (out.get(n) ?? 0) + 1);
  return out;
}

/** A bigint as a float64, correctly rounded for magnitudes below 2^1024. */
export function bigToNumber(a: bigint): number {
  return Number(a);
}

/** p/q as the nearest float64 (exact division for large operands, not Number(p)/Number(q)). */
export function ratioToNumber(p: bigint, q: bigint): number {
  const np = Number(p);
  const nq = Number(q);
  if (Number.isFinite(np) && Number.isFinite(nq) && babs(p) < 2n ** 53n && q < 2n ** 53n)
    return np / nq;
  // scale so the quotient keeps 64 significant bits, then divide
  const shift = BigInt(Math.max(0, q.toString(2).length - p.toString(2).length + 64));
  return Number((p << shift) / q) / 2 ** Number(shift);
}
