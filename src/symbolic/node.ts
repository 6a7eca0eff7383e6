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
  /** The symbols this node depends on, sorted by name, without repeats. */
  readonly symbols: readonly Node[];

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
    this.symbols = kind === 'symbol' ? [this] : mergeSymbols(args);
  }

  get isNumber(): boolean {
    return this.kind === 'integer' || this.kind === 'rational' || this.kind === 'float';
  }
  get isRational(): boolean {
    return this.kind === 'integer' || this.kind === 'rational';
  }
}

function mergeSymbols(args: readonly Node[]): readonly Node[] {
  if (args.length === 0) return [];
  if (args.length === 1) return args[0]!.symbols;
  let out: readonly Node[] = [];
  for (const a of args) {
    const s = a.symbols;
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
 * The interning table: buckets of nodes by structural hash, compared field by field (args by
 * identity). Nodes are held weakly, so a node nobody references any more is garbage
 * collected; dead entries are pruned when their bucket is next visited or finalised. No
 * string keys: a product of 10,000 factors costs no 60 kB key.
 */
const table = new Map<number, WeakRef<Node>[]>();
const registry = new FinalizationRegistry<number>((hash) => prune(hash));

function prune(hash: number): void {
  const bucket = table.get(hash);
  if (!bucket) return;
  const live = bucket.filter((r) => r.deref() !== undefined);
  if (live.length === 0) table.delete(hash);
  else if (live.length !== bucket.length) table.set(hash, live);
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
  if (n.args.length !== args.length) return false;
  for (let i = 0; i < args.length; i++) if (n.args[i] !== args[i]) return false;
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
  let bucket = table.get(hash);
  if (bucket) {
    let dead = false;
    for (const ref of bucket) {
      const n = ref.deref();
      if (n === undefined) dead = true;
      else if (sameNode(n, kind, args, name, p, q, value)) return n;
    }
    if (dead) {
      prune(hash);
      bucket = table.get(hash);
    }
  }
  const node = new Node(kind, args, name, p, q, value, hash);
  const ref = new WeakRef(node);
  if (bucket) bucket.push(ref);
  else table.set(hash, [ref]);
  registry.register(node, hash);
  return node;
}

/** How many hash buckets the interning table has (live nodes, roughly). */
export function internedCount(): number {
  return table.size;
}

// ---- atoms ----------------------------------------------------------------------------------

export function makeInteger(p: bigint): Node {
  const s = p.toString();
  return intern('integer', [], '', p, 1n, NaN, hashString(s, KIND_SEED.integer));
}

/** p/q in lowest terms; q must not be 0. */
export function makeRational(p: bigint, q: bigint): Node {
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
  const s = `${p}/${q}`;
  return intern('rational', [], '', p, q, NaN, hashString(s, KIND_SEED.rational));
}

export function makeFloat(v: number): Node {
  const s = Object.is(v, -0) ? '-0' : String(v);
  return intern('float', [], '', 0n, 1n, v, hashString(s, KIND_SEED.float));
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

/** A product with one more factor, inserted in order without re-sorting (linear time). */
export function makeMulWith(m: Node, factor: Node): Node {
  const args = m.args;
  let lo = 0;
  let hi = args.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (argOrder(args[mid]!, factor) < 0) lo = mid + 1;
    else hi = mid;
  }
  const out = new Array<Node>(args.length + 1);
  for (let i = 0; i < lo; i++) out[i] = args[i]!;
  out[lo] = factor;
  for (let i = lo; i < args.length; i++) out[i + 1] = args[i]!;
  return intern('mul', out, '', 0n, 1n, NaN, compoundHash('mul', 0, out));
}

export function makePow(base: Node, exp: Node): Node {
  const args = [base, exp];
  return intern('pow', args, '', 0n, 1n, NaN, compoundHash('pow', 0, args));
}

export function makeFn(name: string, args: readonly Node[]): Node {
  return intern('fn', [...args], name, 0n, 1n, NaN, compoundHash('fn', hashString(name, 11), args));
}
