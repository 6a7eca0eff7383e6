/**
 * The internal representation of expressions: immutable, hash-consed nodes. Two structurally
 * equal nodes are the same object, so `===` is equality and a node can key a Map.
 *
 * Nodes here are built raw: whoever calls `makeAdd`/`makeMul`/… has already canonicalised
 * the arguments (see core.ts). The public `Expr` class (expr.ts) wraps a node.
 */
import { gcd } from './rational.js';

export type NodeKind =
  | 'integer'
  | 'rational'
  | 'float'
  | 'special'
  | 'symbol'
  | 'constant'
  | 'add'
  | 'mul'
  | 'pow'
  | 'fn';

/** The canonicalising constructors, passed to the modules that need to build expressions. */
export interface Core {
  add(terms: readonly Node[]): Node;
  mul(factors: readonly Node[]): Node;
  pow(base: Node, exp: Node): Node;
  fn(name: string, args: readonly Node[]): Node;
}

let nextId = 0;

export class Node {
  /** Creation order (for debugging; not part of any key or order). */
  readonly id = nextId++;
  /** Whether any symbol occurs in this node (`symbols.length > 0`, without building the list). */
  readonly hasSymbols: boolean;
  /** 1 for an atom, else 1 + the largest height of the args (lets deep trees be walked safely). */
  readonly height: number;
  /** @internal the sorted symbol list, built on first use (see `symbols`) */
  symbolList: readonly Node[] | undefined = undefined;
  /** @internal the rest of asCoeffMul (`x*y` for `3*x*y`), filled in on first use (parts.ts) */
  restPart: Node | undefined = undefined;
  /** @internal 0 unknown, 1 yes, 2 no: a factor Mul.flatten leaves as it is (see mul.ts) */
  plainFactor = 0;

  constructor(
    readonly kind: NodeKind,
    readonly args: readonly Node[],
    /** Symbol, constant (`pi`, `E`), special (`zoo`, `nan`) or function name; '' otherwise. */
    readonly name: string,
    /** Numerator (integer, rational); 0n otherwise. */
    readonly p: bigint,
    /** Denominator (rational > 1, integer 1); 1n otherwise. */
    readonly q: bigint,
    /** The float64 value of a float node; NaN otherwise. */
    readonly value: number,
    /** A deterministic structural hash (same on every run): orders the args of Add and Mul. */
    readonly hash: number,
  ) {
    let has = kind === 'symbol';
    let height = 0;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a.hasSymbols) has = true;
      if (a.height > height) height = a.height;
    }
    this.hasSymbols = has;
    this.height = height + 1;
    if (kind === 'symbol') this.symbolList = [this];
    else if (!has) this.symbolList = NO_SYMBOLS;
  }

  /**
   * The symbols this node depends on, sorted by name, without repeats. Built on first use
   * (iteratively, children first), so a sum of 100,000 symbols costs one sort, not a
   * quadratic chain of merges, and a node nobody asks about costs nothing.
   */
  get symbols(): readonly Node[] {
    return this.symbolList ?? computeSymbols(this);
  }

  get isNumber(): boolean {
    return this.kind === 'integer' || this.kind === 'rational' || this.kind === 'float';
  }
  get isRational(): boolean {
    return this.kind === 'integer' || this.kind === 'rational';
  }
}

const NO_SYMBOLS: readonly Node[] = Object.freeze([]);

/** Fills in `symbolList` for `root` and every node below it that lacks one, children first. */
function computeSymbols(root: Node): readonly Node[] {
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack[stack.length - 1]!;
    if (n.symbolList) {
      stack.pop();
      continue;
    }
    let ready = true;
    for (const a of n.args)
      if (!a.symbolList) {
        stack.push(a);
        ready = false;
      }
    if (!ready) continue;
    stack.pop();
    n.symbolList = mergeSymbols(n.args);
  }
  return root.symbolList!;
}

const byName = (a: Node, b: Node): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The union of the args' (sorted) symbol lists: merges for a few, one sort for many. */
function mergeSymbols(args: readonly Node[]): readonly Node[] {
  let out: readonly Node[] = NO_SYMBOLS;
  let total = 0;
  for (const a of args) total += a.symbolList!.length;
  if (total > 64 && args.length > 8) {
    const all: Node[] = [];
    for (const a of args) for (const s of a.symbolList!) all.push(s);
    all.sort(byName);
    const unique: Node[] = [];
    for (const s of all) if (unique[unique.length - 1] !== s) unique.push(s);
    return unique;
  }
  for (const a of args) {
    const s = a.symbolList!;
    if (s.length === 0 || s === out) continue;
    if (out.length === 0) {
      out = s;
      continue;
    }
    const merged: Node[] = [];
    let i = 0;
    let j = 0;
    while (i < out.length || j < s.length) {
      const u = out[i];
      const v = s[j];
      if (v === undefined || (u !== undefined && u.name < v.name)) {
        merged.push(u!);
        i++;
      } else if (u === undefined || v.name < u.name) {
        merged.push(v);
        j++;
      } else {
        merged.push(u);
        i++;
        j++;
      }
    }
    out = merged.length === out.length ? out : merged;
  }
  return out;
}

// ---- hashing --------------------------------------------------------------------------------

function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x9e3779b1);
  return (h ^ (h >>> 15)) | 0;
}

function hashString(s: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return h;
}

const KIND_SEED: Record<NodeKind, number> = {
  integer: 1,
  rational: 2,
  float: 3,
  special: 4,
  symbol: 5,
  constant: 6,
  add: 7,
  mul: 8,
  pow: 9,
  fn: 10,
};

// ---- interning ------------------------------------------------------------------------------

/**
 * The interning table: nodes by structural hash, compared field by field (args by identity).
 * A slot holds one weak reference (the usual case) or an array of them (hash collisions).
 * Nodes are held weakly, so a node nobody references any more is garbage collected; dead
 * entries are pruned when their slot is next visited or finalised. No string keys: a product
 * of 10,000 factors costs no 60 kB key.
 */
type Slot = WeakRef<Node> | WeakRef<Node>[];
const table = new Map<number, Slot>();
const registry = new FinalizationRegistry<number>((hash) => prune(hash));

function prune(hash: number): void {
  const slot = table.get(hash);
  if (!slot) return;
  if (!Array.isArray(slot)) {
    if (slot.deref() === undefined) table.delete(hash);
    return;
  }
  const live = slot.filter((r) => r.deref() !== undefined);
  if (live.length === 0) table.delete(hash);
  else if (live.length === 1) table.set(hash, live[0]!);
  else if (live.length !== slot.length) table.set(hash, live);
}

function sameNode(
  n: Node,
  kind: NodeKind,
  args: readonly Node[],
  name: string,
  p: bigint,
  q: bigint,
  value: number,
): boolean {
  if (n.kind !== kind || n.name !== name || n.p !== p || n.q !== q) return false;
  if (!Object.is(n.value, value) && !(Number.isNaN(n.value) && Number.isNaN(value))) return false;
  const nargs = n.args;
  if (nargs.length !== args.length) return false;
  for (let i = 0; i < args.length; i++) if (nargs[i] !== args[i]) return false;
  return true;
}

function intern(
  kind: NodeKind,
  args: readonly Node[],
  name: string,
  p: bigint,
  q: bigint,
  value: number,
  hash: number,
): Node {
  const slot = table.get(hash);
  let dead = false;
  if (slot !== undefined) {
    if (!Array.isArray(slot)) {
      const n = slot.deref();
      if (n === undefined) dead = true;
      else if (sameNode(n, kind, args, name, p, q, value)) return n;
    } else {
      for (const ref of slot) {
        const n = ref.deref();
        if (n === undefined) dead = true;
        else if (sameNode(n, kind, args, name, p, q, value)) return n;
      }
    }
    if (dead) prune(hash);
  }
  const node = new Node(kind, args, name, p, q, value, hash);
  const ref = new WeakRef(node);
  const live = table.get(hash);
  if (live === undefined) table.set(hash, ref);
  else if (Array.isArray(live)) live.push(ref);
  else table.set(hash, [live, ref]);
  registry.register(node, hash);
  return node;
}

/** How many hash buckets the interning table has (live nodes, roughly). */
export function internedCount(): number {
  return table.size;
}

// ---- atoms ----------------------------------------------------------------------------------

/** Integers in [-SMALL, SMALL] are made once and kept (arithmetic makes them constantly). */
const SMALL = 1024;
const SMALL_N = 1024n;
const smallIntegers: Node[] = [];

function internInteger(p: bigint): Node {
  return intern('integer', [], '', p, 1n, NaN, hashBigint(p, KIND_SEED.integer));
}

const HUGE = 1n << 1024n;

/**
 * The hash of an integer: of its decimal digits (as always) below 2^1024; above, of its
 * size, sign and lowest and highest 64 bits, so that a 10,000-digit number costs a shift,
 * not a decimal conversion, each time it is made.
 */
function hashBigint(p: bigint, seed: number): number {
  if (p < HUGE && p > -HUGE) return hashString(p.toString(), seed);
  const abs = p < 0n ? -p : p;
  const bits = abs.toString(16).length;
  const lo = BigInt.asUintN(64, abs);
  const hi = abs >> BigInt(bits * 4 - 64);
  let h = mix(mix(seed, bits), p < 0n ? 1 : 0);
  for (const w of [lo, hi]) {
    h = mix(h, Number(BigInt.asUintN(32, w)));
    h = mix(h, Number(w >> 32n));
  }
  return h;
}

export function makeInteger(p: bigint): Node {
  if (p >= -SMALL_N && p <= SMALL_N) {
    const i = Number(p) + SMALL;
    return (smallIntegers[i] ??= internInteger(p));
  }
  return internInteger(p);
}

/** p/q in lowest terms; q must not be 0. */
export function makeRational(p: bigint, q: bigint): Node {
  if (q === 1n) return makeInteger(p);
  if (q < 0n) {
    p = -p;
    q = -q;
  }
  const g = gcd(p, q);
  if (g !== 1n && g !== 0n) {
    p /= g;
    q /= g;
  }
  if (q === 1n) return makeInteger(p);
  return intern('rational', [], '', p, q, NaN, hashRational(p, q));
}

/** The hash of p/q: of its text `p/q` (as always) for moderate sizes. */
function hashRational(p: bigint, q: bigint): number {
  if (p < HUGE && p > -HUGE && q < HUGE) return hashString(`${p}/${q}`, KIND_SEED.rational);
  return mix(hashBigint(p, KIND_SEED.rational), hashBigint(q, KIND_SEED.rational));
}

/** p/q already in lowest terms with q > 0 (no gcd: for results known to be reduced). */
export function makeReducedRational(p: bigint, q: bigint): Node {
  if (q === 1n) return makeInteger(p);
  return intern('rational', [], '', p, q, NaN, hashRational(p, q));
}

/**
 * A float node; -0 is stored as 0, as SymPy's Float (mpmath has no negative zero), and NaN
 * is SymPy's `nan` (Float._new turns a NaN into S.NaN).
 */
export function makeFloat(v: number): Node {
  if (v === 0) v = 0;
  else if (Number.isNaN(v)) return NAN;
  return intern('float', [], '', 0n, 1n, v, hashString(String(v), KIND_SEED.float));
}

export function makeSymbol(name: string): Node {
  return intern('symbol', [], name, 0n, 1n, NaN, hashString(name, KIND_SEED.symbol));
}

function makeAtom(kind: 'constant' | 'special', name: string): Node {
  return intern(kind, [], name, 0n, 1n, NaN, hashString(name, KIND_SEED[kind]));
}

export const ZERO = makeInteger(0n);
export const ONE = makeInteger(1n);
export const TWO = makeInteger(2n);
export const NEG_ONE = makeInteger(-1n);
export const HALF = makeRational(1n, 2n);
export const NEG_HALF = makeRational(-1n, 2n);
export const PI = makeAtom('constant', 'pi');
export const E = makeAtom('constant', 'E');
/** SymPy's `zoo`: complex infinity, the value of 1/0. */
export const ZOO = makeAtom('special', 'zoo');
/** Not a number: 0/0, 0·zoo. */
export const NAN = makeAtom('special', 'nan');

// ---- compound nodes (arguments already canonical) -------------------------------------------

/**
 * The internal order of the args of Add and Mul: by hash, ties broken structurally. Any total
 * order would do for interning; this one is cheap and the same on every run. (Printing has its
 * own order: SymPy's sort_key, see order.ts.)
 */
export function compareNodes(a: Node, b: Node): number {
  if (a === b) return 0;
  if (a.hash !== b.hash) return a.hash < b.hash ? -1 : 1;
  return structuralCompare(a, b);
}

/** A total order on distinct nodes with equal hashes; iterative, so deep trees cannot overflow. */
function structuralCompare(a: Node, b: Node): number {
  const stack: [Node, Node][] = [[a, b]];
  while (stack.length) {
    const [u, v] = stack.pop()!;
    if (u === v) continue;
    if (u.kind !== v.kind) return u.kind < v.kind ? -1 : 1;
    if (u.name !== v.name) return u.name < v.name ? -1 : 1;
    if (u.p !== v.p) return u.p < v.p ? -1 : 1;
    if (u.q !== v.q) return u.q < v.q ? -1 : 1;
    if (u.kind === 'float' && u.value !== v.value) return u.value < v.value ? -1 : 1;
    if (u.args.length !== v.args.length) return u.args.length < v.args.length ? -1 : 1;
    for (let i = u.args.length - 1; i >= 0; i--) stack.push([u.args[i]!, v.args[i]!]);
  }
  return 0;
}

function compoundHash(kind: NodeKind, seed: number, args: readonly Node[]): number {
  let h = mix(KIND_SEED[kind], seed);
  for (const a of args) h = mix(h, a.hash);
  return h;
}

/** Numbers first (an Add's constant term, a Mul's coefficient: at most one), then by compareNodes. */
export function argOrder(a: Node, b: Node): number {
  const na = a.isNumber ? 0 : 1;
  const nb = b.isNumber ? 0 : 1;
  return na - nb || compareNodes(a, b);
}

/** An Add of ≥ 2 canonical terms (sorted here; the constant term, if any, first). */
export function makeAdd(terms: readonly Node[]): Node {
  const args = [...terms].sort(argOrder);
  return intern('add', args, '', 0n, 1n, NaN, compoundHash('add', 0, args));
}

/** A Mul of ≥ 2 canonical factors (sorted here; the numeric coefficient, if any, first). */
export function makeMul(factors: readonly Node[]): Node {
  const args = [...factors].sort(argOrder);
  return intern('mul', args, '', 0n, 1n, NaN, compoundHash('mul', 0, args));
}

/** An Add of ≥ 2 canonical terms already in argOrder (a slice of an Add's args): no sort. */
export function makeAddSorted(terms: readonly Node[]): Node {
  return intern('add', terms, '', 0n, 1n, NaN, compoundHash('add', 0, terms));
}

/** A Mul of ≥ 2 canonical factors already in argOrder (a slice of a Mul's args): no sort. */
export function makeMulSorted(factors: readonly Node[]): Node {
  return intern('mul', factors, '', 0n, 1n, NaN, compoundHash('mul', 0, factors));
}

/** A product with one more factor, inserted in order without re-sorting (linear time). */
export function makeMulWith(m: Node, factor: Node): Node {
  const out = insertSorted(m.args, factor);
  return intern('mul', out, '', 0n, 1n, NaN, compoundHash('mul', 0, out));
}

/** A sum with one more term, inserted in order without re-sorting (linear time). */
export function makeAddWith(s: Node, term: Node): Node {
  const out = insertSorted(s.args, term);
  return intern('add', out, '', 0n, 1n, NaN, compoundHash('add', 0, out));
}

function insertSorted(args: readonly Node[], item: Node): Node[] {
  let lo = 0;
  let hi = args.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (argOrder(args[mid]!, item) < 0) lo = mid + 1;
    else hi = mid;
  }
  const out = new Array<Node>(args.length + 1);
  for (let i = 0; i < lo; i++) out[i] = args[i]!;
  out[lo] = item;
  for (let i = lo; i < args.length; i++) out[i + 1] = args[i]!;
  return out;
}

export function makePow(base: Node, exp: Node): Node {
  const args = [base, exp];
  return intern('pow', args, '', 0n, 1n, NaN, compoundHash('pow', 0, args));
}

export function makeFn(name: string, args: readonly Node[]): Node {
  return intern('fn', [...args], name, 0n, 1n, NaN, compoundHash('fn', hashString(name, 11), args));
}
