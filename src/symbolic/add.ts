/**
 * The canonical sum, as SymPy's Add.flatten builds it: nested sums flattened, numbers added
 * into one constant term, like terms collected (`x + 2*x` → `3*x`), zero terms dropped.
 */
import { makeAdd, makeMul, NAN, ONE, ZERO, ZOO } from './node.js';
import type { Core, Node } from './node.js';
import { isZero, numAdd } from './numbers.js';
import { asCoeffMul } from './parts.js';

export function addFlatten(seq: readonly Node[], core: Core): Node {
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
    const [c, s] = asCoeffMul(o);
    const prev = coeffs.get(s);
    coeffs.set(s, prev ? numAdd(prev, c) : c);
  }
  if (infinite) return ZOO;
  const terms: Node[] = [];
  for (const [s, c] of coeffs) {
    if (isZero(c)) continue;
    if (c === ONE) terms.push(s);
    // c*s: a product takes the coefficient in front without re-flattening (SymPy's _new_rawargs)
    else if (s.kind === 'mul') terms.push(makeMul([c, ...s.args]));
    else terms.push(core.mul([c, s]));
  }
  if (!isZero(constant)) terms.push(constant);
  if (terms.length === 0) return ZERO;
  if (terms.length === 1) return terms[0]!;
  return makeAdd(terms);
}
