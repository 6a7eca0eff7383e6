import fc from 'fast-check';
import { treeArbitrary, pointArbitrary } from './arbitrary.js';
import { toExpr } from './engines.js';
import { printTree } from './print.js';
import { diff, evaluate, parse, printSympy } from '../../src/symbolic/index.js';
import * as R from './runEngines.js';
import { largestMagnitude, singularDistance, usesVariable, nodeCount, type Tree } from './tree.js';

const N = Number(process.argv[2] ?? 200),
  depth = Number(process.argv[3] ?? 4),
  seed = Number(process.argv[4] ?? 1);
const samples = fc.sample(fc.tuple(treeArbitrary(1, depth), pointArbitrary(1)), {
  numRuns: N,
  seed,
});
const ops = new Map<string, number>();
const count = (t: Tree) => {
  if (t.kind === 'unary') {
    ops.set(t.op, (ops.get(t.op) ?? 0) + 1);
    count(t.arg);
  } else if (t.kind === 'binary') {
    ops.set(t.op, (ops.get(t.op) ?? 0) + 1);
    count(t.left);
    count(t.right);
  }
};
const worst: Record<string, [number, string]> = {};
const rec = (k: string, a: number, b: number, t: Tree, p: number[]) => {
  const r = Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1);
  if (!(r <= (worst[k]?.[0] ?? -1))) worst[k] = [r, `${printTree(t)} @ ${p[0]}: ${a} vs ${b}`];
};
let used = 0,
  nodes = 0,
  same = 0,
  tot = 0;
const t0 = performance.now();
for (const [t, p] of samples) {
  if (!usesVariable(t, 0) || !(largestMagnitude(t, p) < 1e6) || !(singularDistance(t, p) > 0.05))
    continue;
  used++;
  nodes += nodeCount(t);
  count(t);
  try {
    const f = toExpr(t);
    const sym = R.symbolicFirst(f, p);
    const [, [ad]] = R.autogradGradient(t, p);
    const [, [gr]] = R.graphGradient(t, p);
    const est = R.numericFirst(t, p[0]!);
    rec('a sym-ad', sym, ad!, t, p);
    rec('b graph-ad', gr!, ad!, t, p);
    rec('c num-sym', est.value, sym, t, p);
    const ratio = Math.abs(est.value - sym) / est.error;
    if (!(ratio <= (worst['c ratio']?.[0] ?? -1)))
      worst['c ratio'] = [ratio, `${printTree(t)} @ ${p[0]}: ${est.value}±${est.error} vs ${sym}`];
    if (nodeCount(t) < 30) {
      const values = { x: p[0]! };
      const d1 = diff(f, 'x');
      const twice = evaluate(diff(d1, 'x'), values);
      const second = evaluate(diff(f, 'x', 2), values);
      rec('d twice-second', twice, second, t, p);
      rec('d ad2', R.autogradSecond(t, p[0]!), twice, t, p);
      rec('d num2', R.numericFirst(t, p[0]!, 2).value, twice, t, p);
      const back = parse(printSympy(d1));
      tot++;
      if (back === d1) same++;
      rec('g reparse', evaluate(back, values), evaluate(d1, values), t, p);
    }
  } catch (e) {
    console.log('THROW', printTree(t), p, (e as Error).message);
  }
}
console.log({
  used,
  meanNodes: nodes / used,
  ms: performance.now() - t0,
  reparseIdentical: `${same}/${tot}`,
});
console.log(
  [...ops]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k}:${n}`)
    .join(' '),
);
for (const [k, [r, s]] of Object.entries(worst))
  console.log(k, r.toExponential(2), '\n   ', s.slice(0, 400));
