/**
 * Functions that vary on a scale far finer than the default first step (about max(|x|, 1)/8):
 * fast oscillations and bumps of width 1e-3. With their exact derivatives of order 1 to 4 from
 * SymPy 1.11.1 (`diff(f, x, n).subs(x, Rational(x0)).evalf(40)`, so at the double x0 exactly).
 * Used by the regression tests of test/numeric/oscillating.test.ts and by the numeric benchmark.
 */
export interface OscillatorCase {
  name: string;
  f: (x: number) => number;
  x: number;
  /** f′, f″, f‴, f⁗ at x */
  d: [number, number, number, number];
}

const bump = (x: number): number => Math.exp(-(((x - 0.5) * 1000) ** 2));

export const OSCILLATOR_CASES: readonly OscillatorCase[] = [
  {
    // the cross-engine fuzz's case: period ~7e-4 at this point
    name: 'cos(exp(exp(x**2))) at 1.353552',
    f: (z) => Math.cos(Math.exp(Math.exp(z * z))),
    x: 1.353552,
    d: [-8275.518538166209, -24562648.2281548, 629803488928.4066, 1937940009713991.5],
  },
  {
    name: 'sin(1000*x) at 0.3',
    f: (x) => Math.sin(1000 * x),
    x: 0.3,
    d: [-22.09661927869504, 999755.8399011493, 22096619.278695043, -999755839901.1493],
  },
  {
    name: 'sin(1000*x) at 2',
    f: (x) => Math.sin(1000 * x),
    x: 2,
    d: [-367.45954910083134, -930039.504416137, 367459549.10083133, 930039504416.137],
  },
  {
    name: 'cos(exp(x**2)) at 2.5',
    f: (x) => Math.cos(Math.exp(x * x)),
    x: 2.5,
    d: [-888.0377094294894, 6297007.423180398, 6059402408.5384, -42080866389845.59],
  },
  {
    // period ~1.3e-4: the steps must shrink by 2^13 from the first one
    name: 'cos(exp(x**2)) at 3',
    f: (x) => Math.cos(Math.exp(x * x)),
    x: 3,
    d: [38576.863945689794, 1438879278.4914954, -91159069374766.64, -3.404050839327397e18],
  },
  {
    // every sample x ± h with h ≥ 0.002 is 0 (underflow): only f(x) sees the bump
    name: 'exp(-((x - 1/2)*1000)**2) at 0.5004',
    f: bump,
    x: 0.5004,
    d: [-681.715031172918, -1158915.5529942084, 3653992567.0869365, 4030299264296.023],
  },
  {
    name: 'exp(-((x - 1/2)*1000)**2) at 0.4991',
    f: bump,
    x: 0.4991,
    d: [800.7445192012875, 551624.0021164733, -2210054872.995485, -7287842784090.766],
  },
  {
    name: 'exp(-(1000*x)**2) at 0.0003',
    f: (x) => Math.exp(-((1000 * x) ** 2)),
    x: 0.0003,
    d: [-548.3587111627369, -1498847.1438448143, 3092743130.957836, 7137436984494.185],
  },
];
