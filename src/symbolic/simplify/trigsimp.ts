/**
 * Trigonometric simplification: a small stand-in for SymPy's `futrig` (Fu et al.'s rules with a
 * greedy search). Bottom-up, each sum or product holding sin/cos/tan/cot of one argument is
 * offered a few rewrites, and the candidate with the fewest trig functions, then the fewest
 * operations, is kept:
 *
 * - Pythagoras: sin(u)**2 → 1 - cos(u)**2, or cos(u)**2 → 1 - sin(u)**2, then cancel
 *   (`sin(x)**2 + cos(x)**2` → 1, `(cos(x)**2 - 1)/sin(x)` → `-sin(x)`);
 * - ratios: sin(u)**k/cos(u)**k → tan(u)**k (SymPy's TR2i) and tan, cot → sin/cos (TR2);
 * - double angles: sin(u)**2 → (1 - cos(2*u))/2, cos(u)**2 → (1 + cos(2*u))/2,
 *   sin(u)*cos(u) → sin(2*u)/2 (`cos(x)**2 - sin(x)**2` → `cos(2*x)`);
 * - sums of angles: sin(a)*cos(b) + cos(a)*sin(b) → sin(a + b), and the three others (TR10i).
 */
import { core } from '../core.js';
import { HALF, makeInteger, NEG_ONE, ONE, TWO } from '../node.js';
import type { Node } from '../node.js';
import { numNeg } from '../numbers.js';
import { asCoeffMul, mulArgs } from '../parts.js';
import { add, mul, pow, sub } from './build.js';
import { cancel } from './cancel.js';
import { countOps } from './countOps.js';
import { expandMul, expandMultinomial } from './expand.js';
import { factorTerms } from './factorTerms.js';
import { asNumerDenom } from './fraction.js';
import { tooDeep } from './depth.js';
import { bottomUp, hasFunction, hasNode, treeSum } from './walk.js';

const TRIG = new Set(['sin', 'cos', 'tan', 'cot', 'sec', 'csc']);

export const hasTrig = (n: Node): boolean => hasFunction(n, TRIG);

const isFn = (n: Node, name: string): boolean => n.kind === 'fn' && n.name === name;
const sin = (u: Node): Node => core.fn('sin', [u]);
const cos = (u: Node): Node => core.fn('cos', [u]);

const trigCounts = new WeakMap<Node, number>();
const nodeCounts = new WeakMap<Node, number>();

/** Number of trig function nodes, shared subterms counted each time (SymPy's L). */
const trigCount = (n: Node): number =>
  treeSum(n, (e) => (e.kind === 'fn' && TRIG.has(e.name) ? 1 : 0), trigCounts);

/** Number of nodes of the tree (SymPy's _nodes). */
const nodeCount = (n: Node): number => treeSum(n, () => 1, nodeCounts);

/** futrig's objective: trig functions, operations, nodes, arguments, being a sum. */
const objective = (n: Node): number[] => [
  trigCount(n),
  countOps(n),
  nodeCount(n),
  n.args.length,
  n.kind === 'add' ? 1 : 0,
];

/** The best candidate by the objective, compared in order; the first wins ties. */
function best(candidates: readonly Node[]): Node {
  let top = candidates[0]!;
  let key = objective(top);
  for (const c of candidates.slice(1)) {
    if (c === top) continue;
    const k = objective(c);
    let cmp = 0;
    for (let i = 0; i < k.length && !cmp; i++) cmp = k[i]! - key[i]!;
    if (cmp < 0) {
      top = c;
      key = k;
    }
  }
  return top;
}

// ---- rewrites ------------------------------------------------------------------------------------

/** TR2: tan → sin/cos, cot → cos/sin. */
const tr2 = (n: Node): Node =>
  bottomUp(n, (e) => {
    if (isFn(e, 'tan')) return mul([sin(e.args[0]!), pow(cos(e.args[0]!), NEG_ONE)]);
    if (isFn(e, 'cot')) return mul([cos(e.args[0]!), pow(sin(e.args[0]!), NEG_ONE)]);
    return e;
  });

/** The base function and integer exponent of a factor: sin(x)**3 → [sin(x), 3]. */
function trigPower(f: Node): [Node, number] | undefined {
  if (isFn(f, 'sin') || isFn(f, 'cos')) return [f, 1];
  if (f.kind === 'pow' && f.args[1]!.kind === 'integer') {
    const b = f.args[0]!;
    if (isFn(b, 'sin') || isFn(b, 'cos')) return [b, Number(f.args[1]!.p)];
  }
  return undefined;
}

/** TR2i: in a product, sin(u)**k/cos(u)**k → tan(u)**k and cos(u)**k/sin(u)**k → tan(u)**-k. */
function tr2i(n: Node): Node {
  return bottomUp(n, (e) => {
    if (e.kind !== 'mul') return e;
    const powers = new Map<Node, number>();
    for (const f of e.args) {
      const tp = trigPower(f);
      if (tp) powers.set(tp[0], tp[1]);
    }
    const out: Node[] = [];
    let changed = false;
    for (const f of e.args) {
      const tp = trigPower(f);
      if (!tp) {
        out.push(f);
        continue;
      }
      const [b, k] = tp;
      const u = b.args[0]!;
      const other = isFn(b, 'sin') ? cos(u) : sin(u);
      if (powers.get(other) === -k) {
        changed = true;
        // emit tan once, from the factor in the numerator
        if (k > 0) out.push(pow(core.fn('tan', [u]), makeInteger(BigInt(isFn(b, 'sin') ? k : -k))));
      } else out.push(f);
    }
    return changed ? mul(out) : e;
  });
}

/** Replace positive powers sin(u)**k (k ≥ 2) by sin(u)**(k mod 2)·(1 - cos(u)**2)**(k div 2). */
function pythagoras(n: Node, from: 'sin' | 'cos'): Node {
  return bottomUp(n, (e) => {
    const tp = trigPower(e);
    if (!tp || tp[1] < 2 || !isFn(tp[0], from)) return e;
    const [b, k] = tp;
    const u = b.args[0]!;
    const other = from === 'sin' ? cos(u) : sin(u);
    const square = sub(ONE, pow(other, TWO));
    return mul([pow(b, makeInteger(BigInt(k % 2))), pow(square, makeInteger(BigInt(k >> 1)))]);
  });
}

/** sin(u)**2 → (1 - cos(2u))/2, cos(u)**2 → (1 + cos(2u))/2, sin(u)*cos(u) → sin(2u)/2. */
function powerReduce(n: Node): Node {
  return bottomUp(n, (e) => {
    const tp = trigPower(e);
    if (tp && tp[1] >= 2) {
      const [b, k] = tp;
      const u2 = mul([TWO, b.args[0]!]);
      const half = isFn(b, 'sin')
        ? mul([HALF, sub(ONE, cos(u2))])
        : mul([HALF, add([ONE, cos(u2)])]);
      return mul([pow(b, makeInteger(BigInt(k % 2))), pow(half, makeInteger(BigInt(k >> 1)))]);
    }
    if (e.kind !== 'mul') return e;
    // sin(u)*cos(u) pairs left over
    const byArg = new Map<Node, { s: number; c: number }>();
    for (const f of e.args) {
      const p = trigPower(f);
      if (!p || p[1] <= 0) continue;
      const u = p[0].args[0]!;
      const slot = byArg.get(u) ?? { s: 0, c: 0 };
      if (isFn(p[0], 'sin')) slot.s += p[1];
      else slot.c += p[1];
      byArg.set(u, slot);
    }
    const extra: Node[] = [];
    for (const [u, { s, c }] of byArg) {
      const m = Math.min(s, c);
      if (m === 0) continue;
      const k = makeInteger(BigInt(m));
      extra.push(
        pow(mul([HALF, sin(mul([TWO, u]))]), k),
        pow(sin(u), makeInteger(BigInt(-m))),
        pow(cos(u), makeInteger(BigInt(-m))),
      );
    }
    return extra.length ? mul([e, ...extra]) : e;
  });
}

interface Split {
  coeff: Node;
  fns: Map<Node, number>;
  rest: Node;
}

/** A term as coefficient, its sin/cos factors of exponent 1, and everything else. */
function splitTerm(t: Node): Split {
  const [coeff, r] = asCoeffMul(t);
  const fns = new Map<Node, number>();
  const rest: Node[] = [];
  for (const f of mulArgs(r)) {
    if (isFn(f, 'sin') || isFn(f, 'cos')) fns.set(f, 1);
    else rest.push(f);
  }
  return { coeff, fns, rest: mul(rest) };
}

/** One sum-of-angles pattern between two terms, or undefined. */
function angleSum(a: Split, b: Split): Node | undefined {
  if (a.rest !== b.rest || a.fns.size !== 2 || b.fns.size !== 2) return undefined;
  const [f1, f2] = [...a.fns.keys()] as [Node, Node];
  const same = a.coeff === b.coeff;
  const opposite = numNeg(a.coeff) === b.coeff;
  if (!same && !opposite) return undefined;
  const kind = (f: Node): string => f.name;
  const arg = (f: Node): Node => f.args[0]!;
  // a = sin(p)*cos(q), b = cos(p)*sin(q) → sin(p ± q)
  const tryPair = (s: Node, c: Node): Node | undefined => {
    const p = arg(s);
    const q = arg(c);
    if (p === q) return undefined;
    if (kind(s) === 'sin' && kind(c) === 'cos' && b.fns.has(cos(p)) && b.fns.has(sin(q)))
      return mul([a.coeff, a.rest, sin(same ? add([p, q]) : sub(p, q))]);
    if (kind(s) === 'cos' && kind(c) === 'cos' && b.fns.has(sin(p)) && b.fns.has(sin(q)))
      return mul([a.coeff, a.rest, cos(same ? sub(p, q) : add([p, q]))]);
    return undefined;
  };
  return tryPair(f1, f2) ?? tryPair(f2, f1);
}

/** TR10i on a sum: merge pairs of terms into sin/cos of a sum of angles, greedily. */
function tr10i(n: Node): Node {
  return bottomUp(n, (e) => {
    if (e.kind !== 'add') return e;
    const terms = [...e.args];
    let changed = false;
    outer: for (;;) {
      for (let i = 0; i < terms.length; i++)
        for (let j = i + 1; j < terms.length; j++) {
          const r =
            angleSum(splitTerm(terms[i]!), splitTerm(terms[j]!)) ??
            angleSum(splitTerm(terms[j]!), splitTerm(terms[i]!));
          if (r) {
            terms.splice(j, 1);
            terms[i] = r;
            changed = true;
            continue outer;
          }
        }
      break;
    }
    return changed ? add(terms) : e;
  });
}

// ---- the search ------------------------------------------------------------------------------------

/** Whether a node holds trig functions outside of other functions' arguments. */
const shallowTrig = (n: Node): boolean =>
  hasNode(n, (e) => e.kind === 'fn' && TRIG.has(e.name)) && n.args.length > 0;

function rewriteNode(e: Node): Node {
  if (!shallowTrig(e) || e.kind === 'fn') return e;
  const candidates: Node[] = [e, tr2i(e), tr10i(e)];
  const bases = hasFunction(e, new Set(['tan', 'cot'])) ? [e, tr2(e)] : [e];
  for (const v of bases) {
    const c = cancel(v);
    candidates.push(c, tr2i(c));
    for (const t of [
      (x: Node) => pythagoras(x, 'sin'),
      (x: Node) => pythagoras(x, 'cos'),
      powerReduce,
    ]) {
      const [num, den] = asNumerDenom(c);
      const w = t(num);
      if (w === num) continue;
      const r = cancel(mul([expandMul(expandMultinomial(w)), pow(den, NEG_ONE)]));
      candidates.push(r, tr2i(r), factorTerms(r), tr10i(r));
    }
  }
  return best(candidates);
}

/** Trig identities, bottom-up (SymPy's trigsimp with its default 'matching' method, simplified). */
export function trigsimp(n: Node): Node {
  if (!hasTrig(n) || tooDeep(n)) return n;
  const out = bottomUp(n, (e) => {
    if (e.kind === 'mul') {
      // as futrig: the factors without trig functions are set aside and multiplied back
      const plain: Node[] = [];
      const trig: Node[] = [];
      for (const f of e.args) (hasTrig(f) ? trig : plain).push(f);
      if (trig.length === 0) return e;
      if (plain.length) return mul([mul(plain), rewriteNode(mul(trig))]);
    }
    return hasTrig(e) ? rewriteNode(e) : e;
  });
  // futrig: a rational coefficient in front of a sum of two terms is distributed again
  if (out !== n && out.kind === 'mul' && out.args[0]!.isRational) return mul(out.args);
  return out;
}
