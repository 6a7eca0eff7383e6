/**
 * The canonical sum, as SymPy's Add.flatten builds it: nested sums flattened, numbers added
 * into one constant term, like terms collected (`x + 2*x` → `3*x`), zero terms dropped.
 */
import { makeAdd, makeAddSorted, makeAddWith, makeMul, NAN, ONE, ZERO, ZOO } from './node.js';
import type { Core, Node } from './node.js';
import { isPlain } from './mul.js';
import { isZero, numAdd } from './numbers.js';
import { coeffOf, restOf } from './parts.js';

/**
 * Whether Add.flatten rebuilds the term `t` (split into coefficient × rest and multiplied
 * back) as exactly `t`: true for every canonical term except those whose rest would be
 * recombined with the coefficient (numeric powers such as `2*sqrt(3)`), which take the full
 * path.
 */
function stableTerm(t: Node, core: Core): boolean {
  if (t.kind !== 'mul') return true;
  const s = restOf(t);
  return s.kind === 'mul' || s.kind === 'add' || s === t || isPlain(s, core);
}

const isTerm = (t: Node): boolean => !t.isNumber && t.kind !== 'add' && t.kind !== 'special';

/**
 * Two summands in the shapes that need no collecting: number + number, number + term,
 * two terms that are not alike, a sum + a number, a sum + a term unlike all of its terms.
 */
function addTwo(a: Node, b: Node, core: Core): Node | undefined {
  if (b.isNumber) [a, b] = [b, a];
  if (a.isNumber) {
    if (b.isNumber) return numAdd(a, b);
    if (isTerm(b)) {
      if (!stableTerm(b, core)) return undefined;
      return isZero(a) ? b : makeAddSorted([a, b]);
    }
    if (b.kind !== 'add') return undefined;
    // a sum plus a number: its constant term changes
    const args = b.args;
    if (!args[0]!.isNumber) return isZero(a) ? b : makeAddSorted([a, ...args]);
    const k = numAdd(args[0]!, a);
    if (isZero(k)) return args.length === 2 ? args[1]! : makeAddSorted(args.slice(1));
    const out = args.slice();
    out[0] = k;
    return makeAddSorted(out);
  }
  if (b.kind === 'add') [a, b] = [b, a];
  if (a.kind === 'add') {
    if (!isTerm(b) || !stableTerm(b, core)) return undefined;
    const s = restOf(b);
    for (const t of a.args) if (restOf(t) === s) return undefined;
    return makeAddWith(a, b);
  }
  if (!isTerm(a) || !isTerm(b) || restOf(a) === restOf(b)) return undefined;
  if (!stableTerm(a, core) || !stableTerm(b, core)) return undefined;
  return makeAdd([a, b]);
}

/**
 * The canonical sum of `seq` (SymPy's Add.flatten). `fast` = false skips the two-term
 * shortcuts (addTwo), so tests can check they agree with the general path.
 */
export function addFlatten(seq: readonly Node[], core: Core, fast = true): Node {
  if (seq.length === 1) return seq[0]!;
  if (seq.length === 2 && fast) {
    const fast = addTwo(seq[0]!, seq[1]!, core);
    if (fast) return fast;
  }
  let constant: Node = ZERO;
  let infinite = false;
  const coeffs = new Map<Node, Node>();
  const stack = [...seq].reverse();
  while (stack.length) {
    const o = stack.pop()!;
    if (o === NAN) return NAN;
    if (o === ZOO) {
      if (infinite) return NAN; // zoo + zoo
      infinite = true;
      continue;
    }
    if (o.isNumber) {
      constant = numAdd(constant, o);
      continue;
    }
    if (o.kind === 'add') {
      for (let i = o.args.length - 1; i >= 0; i--) stack.push(o.args[i]!);
      continue;
    }
    const c = coeffOf(o);
    const s = restOf(o);
    const prev = coeffs.get(s);
    coeffs.set(s, prev ? numAdd(prev, c) : c);
  }
  if (infinite) return ZOO;
  const terms: Node[] = [];
  for (const [s, c] of coeffs) {
    if (isZero(c)) continue;
    if (c === ONE) terms.push(s);
    // c*s: a product takes the coefficient in front without re-flattening (SymPy's
    // _new_rawargs), and so does a sum, which stays c*(sum) as SymPy leaves it
    else if (s.kind === 'mul') terms.push(makeMul([c, ...s.args]));
    else if (s.kind === 'add') terms.push(makeMul([c, s]));
    else terms.push(core.mul([c, s]));
  }
  if (!isZero(constant)) terms.push(constant);
  if (terms.length === 0) return ZERO;
  if (terms.length === 1) return terms[0]!;
  return makeAdd(terms);
}
