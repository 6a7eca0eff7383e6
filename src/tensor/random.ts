/**
 * NumPy's legacy random generator (`numpy.random.RandomState`), bit for bit.
 *
 * The stream is MT19937 (Matsumoto & Nishimura 1998). Every method consumes the stream exactly
 * as NumPy 1.24's `RandomState` does, so `new RandomState(0).rand(3)` prints the same numbers as
 * `np.random.seed(0); np.random.rand(3)`. Arrays come back as flat `Float64Array`s in C order;
 * the tensor layer gives them a shape.
 *
 * mibun's global stream (`defaultRandomState`, `manualSeed`) is this MT19937 too, not PyTorch's
 * generator, so `manualSeed(0)` does not reproduce `torch.manual_seed(0); torch.rand(3)`.
 */

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;
const TWO_32 = 4294967296;

/** A size argument as NumPy takes it: a length or a shape. */
export type RandomSize = number | readonly number[];

/** A seed as `np.random.seed` takes it: an integer in [0, 2**32) or an array of them. */
export type RandomSeed = number | readonly number[];

/** A bad argument to a random function; carries the argument's name and value. */
export class RandomArgumentError extends RangeError {
  constructor(
    readonly argument: string,
    readonly value: unknown,
    reason: string,
  ) {
    super(`${argument} = ${String(value)}: ${reason}`);
    this.name = 'RandomArgumentError';
  }
}

/** The generator's full state, as `RandomState.get_state()` gives it ('MT19937', key, pos, …). */
export interface RandomStateSnapshot {
  key: Uint32Array;
  pos: number;
  hasGauss: boolean;
  gauss: number;
}

function checkSeedWord(value: number, argument: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new RandomArgumentError(
      argument,
      value,
      'a seed must be an integer between 0 and 2**32 - 1',
    );
  }
  return value >>> 0;
}

function sizeToCount(size: RandomSize): number {
  const shape = typeof size === 'number' ? [size] : size;
  let count = 1;
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) {
      throw new RandomArgumentError('size', `[${shape.join(', ')}]`, 'sizes are integers >= 0');
    }
    count *= d;
  }
  return count;
}

/** Smallest all-ones mask >= max (NumPy's `gen_mask`), for max < 2**53. */
function bitMask(max: number): number {
  let mask = 1;
  while (mask < max) mask = mask * 2 + 1;
  return mask;
}

// --- A correctly rounded natural log, for the polar method --------------------------------------
// NumPy computes log(r2) with the C library's log; glibc's is correctly rounded for all but about
// 0.1% of inputs, V8's Math.log (fdlibm) misses the last bit for about 3% of them. Computing the
// log in double-double and rounding once matches glibc wherever glibc is right, and gives the
// same numbers in every JavaScript engine.

const SPLIT = 134217729; // 2**27 + 1, Dekker's splitter
let ddLo = 0; // low word of the last double-double result (avoids allocating pairs)

/** hi = fl(a * b), ddLo = a * b - hi exactly (Dekker's two-product). */
function twoProd(a: number, b: number): number {
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  ddLo = al * bl - (p - ah * bh - al * bh - ah * bl);
  return p;
}

/** (ah, al) * (bh, bl) + (ch, cl) in double-double; returns hi, leaves lo in ddLo. */
function ddMulAdd(ah: number, al: number, bh: number, bl: number, ch: number, cl: number): number {
  const ph = twoProd(ah, bh);
  const pl = ddLo + (ah * bl + al * bh);
  const s = ph + ch;
  const bb = s - ph;
  const e = ph - (s - bb) + (ch - bb) + pl + cl; // two-sum error plus the low words
  const hi = s + e;
  ddLo = e - (hi - s);
  return hi;
}

const LN2_HI = 0.6931471805599453; // ln 2 = LN2_HI + LN2_LO to 106 bits
const LN2_LO = 2.3190468138462996e-17;
const THIRD_LO = 1.850371707708594e-17; // 1/3 - fl(1/3)
const FIFTH_LO = -1.1102230246251566e-17; // 1/5 - fl(1/5)
/** 1/7, 1/9, …, 1/31: the atanh series past z², summed in plain double. */
const TAIL = Array.from({ length: 13 }, (_, i) => 1 / (2 * i + 7));
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // the word with the exponent

/**
 * ln x for 0 < x < Infinity, correctly rounded except in cases closer than ~2**-70 relative to a
 * rounding boundary. x = 2**k m with m in [sqrt(1/2), sqrt(2)), ln m = 2 atanh(s), s = (m-1)/(m+1),
 * 2 atanh(s) = 2s (1 + z/3 + z²/5 + z³/7 + …), z = s², the first terms in double-double.
 */
export function logCorrectlyRounded(x: number): number {
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    x *= 18014398509481984; // 2**54: make subnormals normal
    k = -54;
  }
  f64[0] = x;
  const high = u32[HIGH]!;
  k += (high >>> 20) - 1023;
  u32[HIGH] = (high & 0x000fffff) | 0x3ff00000; // m in [1, 2)
  let m = f64[0]!;
  if (m > Math.SQRT2) {
    m *= 0.5;
    k += 1;
  }
  const f = m - 1; // exact (Sterbenz)
  // s = f / (2 + f) in double-double
  const dh = 2 + f;
  const dl = f - (dh - 2);
  const sh = f / dh;
  const p = twoProd(sh, dh);
  const sl = (f - p - ddLo - sh * dl) / dh;
  // z = s² in double-double
  const zh = twoProd(sh, sh);
  const zl = ddLo + 2 * sh * sl;
  let tail = 0;
  for (let i = TAIL.length - 1; i >= 0; i--) tail = TAIL[i]! + zh * tail; // error < 2**-70
  let h = ddMulAdd(zh, zl, tail, 0, 0.2, FIFTH_LO);
  h = ddMulAdd(zh, zl, h, ddLo, 1 / 3, THIRD_LO);
  h = ddMulAdd(zh, zl, h, ddLo, 1, 0);
  const hLo = ddLo;
  const ln2k = twoProd(k, LN2_HI);
  const ln2kLo = ddLo + k * LN2_LO;
  return ddMulAdd(2 * sh, 2 * sl, h, hLo, ln2k, ln2kLo);
}

/** A writable array-like whose elements `shuffle` can permute in place. */
export interface Shuffleable<T> {
  length: number;
  [index: number]: T;
}

export class RandomState {
  private readonly key = new Uint32Array(N);
  private pos = N;
  private hasGauss = false;
  private gauss = 0;

  /** Seeds like `np.random.RandomState(seed)`; without a seed, from `Math.random`. */
  constructor(seed?: RandomSeed) {
    this.seed(seed);
  }

  /**
   * `np.random.seed(seed)`. An integer uses `init_genrand(seed)`; an array uses
   * `init_by_array`. Without a seed, draws one from `Math.random` (not reproducible).
   */
  seed(seed?: RandomSeed): void {
    if (seed === undefined) {
      const words: number[] = [];
      for (let i = 0; i < 4; i++) words.push(Math.floor(Math.random() * TWO_32));
      this.initByArray(words);
    } else if (typeof seed === 'number') {
      this.initGenrand(checkSeedWord(seed, 'seed'));
    } else {
      if (seed.length === 0) {
        throw new RandomArgumentError('seed', '[]', 'a seed array must not be empty');
      }
      this.initByArray(seed.map((w, i) => checkSeedWord(w, `seed[${i}]`)));
    }
    this.hasGauss = false;
    this.gauss = 0;
  }

  /** A copy of the state, for `setState` later. */
  getState(): RandomStateSnapshot {
    return { key: this.key.slice(), pos: this.pos, hasGauss: this.hasGauss, gauss: this.gauss };
  }

  setState(state: RandomStateSnapshot): void {
    if (state.key.length !== N || !(state.pos >= 0 && state.pos <= N)) {
      throw new RandomArgumentError(
        'state',
        state.pos,
        `the key holds ${N} words, 0 <= pos <= ${N}`,
      );
    }
    this.key.set(state.key);
    this.pos = state.pos;
    this.hasGauss = state.hasGauss;
    this.gauss = state.gauss;
  }

  // init_genrand from mt19937ar.c: key[i] = 1812433253 * (key[i-1] ^ (key[i-1] >>> 30)) + i.
  private initGenrand(s: number): void {
    const mt = this.key;
    mt[0] = s;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1]!;
      mt[i] = Math.imul(1812433253, prev ^ (prev >>> 30)) + i;
    }
    this.pos = N;
  }

  // init_by_array from mt19937ar.c (NumPy's path for array seeds).
  private initByArray(init: readonly number[]): void {
    const mt = this.key;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    const len = init.length;
    for (let k = Math.max(N, len); k > 0; k--) {
      const prev = mt[i - 1]!;
      mt[i] = (mt[i]! ^ Math.imul(prev ^ (prev >>> 30), 1664525)) + init[j]! + j;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
      if (j >= len) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1]!;
      mt[i] = (mt[i]! ^ Math.imul(prev ^ (prev >>> 30), 1566083941)) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
    }
    mt[0] = 0x80000000; // MSB is 1, assuring a non-zero initial array
    this.pos = N;
  }

  // Regenerates all N words at once (the "twist").
  private twist(): void {
    const mt = this.key;
    let kk = 0;
    for (; kk < N - M; kk++) {
      const y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
      mt[kk] = mt[kk + M]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; kk < N - 1; kk++) {
      const y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
      mt[kk] = mt[kk + (M - N)]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    const y = (mt[N - 1]! & UPPER_MASK) | (mt[0]! & LOWER_MASK);
    mt[N - 1] = mt[M - 1]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    this.pos = 0;
  }

  /** The next 32-bit word of the stream, as an unsigned integer. */
  nextUint32(): number {
    if (this.pos >= N) this.twist();
    let y = this.key[this.pos++]!;
    // tempering
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** One double in [0, 1) with 53 random bits: ((a >> 5) * 2**26 + (b >> 6)) / 2**53. */
  random(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /**
   * One standard normal draw: NumPy's `legacy_gauss`, the polar Box–Muller method, which makes
   * two values per accepted pair and caches the second for the next call.
   */
  standardNormal(): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      const g = this.gauss;
      this.gauss = 0;
      return g;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * this.random() - 1;
      x2 = 2 * this.random() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * logCorrectlyRounded(r2)) / r2);
    this.gauss = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  /** `random_sample(size)`: uniform doubles in [0, 1). */
  randomSample(size: RandomSize): Float64Array {
    const out = new Float64Array(sizeToCount(size));
    for (let i = 0; i < out.length; i++) out[i] = this.random();
    return out;
  }

  /** `rand(d0, d1, …)`: uniform [0, 1) values of that shape, flat; `rand()` gives one number. */
  rand(): number;
  rand(...shape: [number, ...number[]]): Float64Array;
  rand(...shape: number[]): number | Float64Array {
    return shape.length === 0 ? this.random() : this.randomSample(shape);
  }

  /** `randn(d0, d1, …)`: standard normal values of that shape, flat; `randn()` gives one number. */
  randn(): number;
  randn(...shape: [number, ...number[]]): Float64Array;
  randn(...shape: number[]): number | Float64Array {
    if (shape.length === 0) return this.standardNormal();
    const out = new Float64Array(sizeToCount(shape));
    for (let i = 0; i < out.length; i++) out[i] = this.standardNormal();
    return out;
  }

  /** `uniform(low, high, size)`: low + (high - low) * u with u in [0, 1). */
  uniform(low?: number, high?: number): number;
  uniform(low: number, high: number, size: RandomSize): Float64Array;
  uniform(low = 0, high = 1, size?: RandomSize): number | Float64Array {
    const range = high - low;
    if (!Number.isFinite(range)) {
      throw new RandomArgumentError('high - low', range, 'the range must be finite');
    }
    if (size === undefined) return low + range * this.random();
    const out = new Float64Array(sizeToCount(size));
    for (let i = 0; i < out.length; i++) out[i] = low + range * this.random();
    return out;
  }

  /** `normal(loc, scale, size)`: loc + scale * z (NumPy's `legacy_normal`). */
  normal(loc?: number, scale?: number): number;
  normal(loc: number, scale: number, size: RandomSize): Float64Array;
  normal(loc = 0, scale = 1, size?: RandomSize): number | Float64Array {
    if (!(scale >= 0)) throw new RandomArgumentError('scale', scale, 'scale must be >= 0');
    if (size === undefined) return loc + scale * this.standardNormal();
    const out = new Float64Array(sizeToCount(size));
    for (let i = 0; i < out.length; i++) out[i] = loc + scale * this.standardNormal();
    return out;
  }

  /**
   * `randint(low, high, size)`: integers in [low, high), or [0, low) without `high`, drawn as
   * NumPy's legacy int64 path does (masked rejection: draw, AND with the smallest all-ones mask
   * covering the range, retry while above it). Ranges up to 2**53 are supported.
   */
  randint(low: number, high?: number): number;
  randint(low: number, high: number | undefined, size: RandomSize): Float64Array;
  randint(low: number, high?: number, size?: RandomSize): number | Float64Array {
    let lo = low;
    let hi = high;
    if (hi === undefined) {
      hi = lo;
      lo = 0;
    }
    if (!Number.isSafeInteger(lo)) {
      throw new RandomArgumentError('low', lo, 'low must be a safe integer');
    }
    if (!Number.isSafeInteger(hi)) {
      throw new RandomArgumentError('high', hi, 'high must be a safe integer');
    }
    if (lo >= hi) throw new RandomArgumentError('high', hi, `high must be > low (${lo})`);
    const rng = hi - lo - 1; // inclusive range, as NumPy's `rng = high - low` after high -= 1
    if (!Number.isSafeInteger(rng)) {
      throw new RandomArgumentError('high - low', hi - lo, 'the range must be below 2**53');
    }
    if (size === undefined) return lo + this.boundedUint(rng, bitMask(rng));
    const out = new Float64Array(sizeToCount(size));
    const mask = bitMask(rng);
    for (let i = 0; i < out.length; i++) out[i] = lo + this.boundedUint(rng, mask);
    return out;
  }

  /**
   * A uniform integer in [0, rng] by masked rejection. 32-bit ranges use one word per try; wider
   * ones use a 64-bit draw (first word high), as `random_bounded_uint64_fill` does.
   */
  private boundedUint(rng: number, mask: number): number {
    if (rng === 0) return 0;
    if (rng <= 0xffffffff) {
      if (rng === 0xffffffff) return this.nextUint32();
      let v: number;
      do v = (this.nextUint32() & mask) >>> 0;
      while (v > rng);
      return v;
    }
    const maskHigh = Math.floor(mask / TWO_32); // the low word of the mask is all ones
    let v: number;
    do {
      const hiWord = (this.nextUint32() & maskHigh) >>> 0;
      v = hiWord * TWO_32 + this.nextUint32();
    } while (v > rng);
    return v;
  }

  /**
   * Shuffles `x` in place like `RandomState.shuffle` on a 1-d array: Fisher–Yates from the end,
   * j = random_interval(i) (masked rejection on the smallest mask covering i).
   */
  shuffle<T>(x: Shuffleable<T>): void {
    for (let i = x.length - 1; i > 0; i--) {
      const j = this.boundedUint(i, bitMask(i));
      const t = x[i]!;
      x[i] = x[j]!;
      x[j] = t;
    }
  }

  /** `permutation(n)`: a shuffled 0, 1, …, n - 1. */
  permutation(n: number): Float64Array {
    if (!Number.isInteger(n) || n < 0) {
      throw new RandomArgumentError('n', n, 'n must be an integer >= 0');
    }
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = i;
    this.shuffle(out);
    return out;
  }
}

/**
 * mibun's global generator, used when a function is not handed one. Seeded from `Math.random`
 * until `manualSeed` is called.
 */
export const defaultRandomState = new RandomState();

/**
 * Seeds the global generator (PyTorch's name). The stream is NumPy's MT19937, so after
 * `manualSeed(0)` the global draws equal `np.random.seed(0)`'s, not `torch.manual_seed(0)`'s.
 */
export function manualSeed(seed: RandomSeed): void {
  defaultRandomState.seed(seed);
}
