/**
 * SymPy's `parallel_poly_from_expr`: expressions expanded, then read as polynomials in one
 * shared, sorted list of generators (see convert.ts).
 */
import type { Node } from '../../node.js';
import { expand } from '../expand.js';
import { polysOf } from './convert.js';
import type { PolySystem } from './convert.js';

export function polysFromExprs(exprs: readonly Node[]): PolySystem | undefined {
  return polysOf(exprs.map((e) => expand(e)));
}
