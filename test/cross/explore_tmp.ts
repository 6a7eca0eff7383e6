import fc from 'fast-check';
import { grad, tensor } from '../../src/autograd/index.js';
import { trace, backwardPass } from '../../src/graph/index.js';
import { derivativeEstimate } from '../../src/numeric/index.js';
import { diff, evaluate, compile } from '../../src/symbolic/index.js';
import { treeArbitrary, pointArbitrary } from './arbitrary.js';
import { toExpr, toTensorFn, toValueFn, toNumberFn } from './engines.js';
import { printTree } from './print.js';
import { evaluateTree, singularDistance, largestMagnitude, usesVariable, nodeCount } from './tree.js';

const N = Number(process.argv[2] ?? 200);
const samples = fc.sample(fc.tuple(treeArbitrary(1), pointArbitrary(1)), { numRuns: N, seed: Number(process.argv[3] ?? 1) });
let skipped = 0, ok = 0; const bad: string[] = [];
const t0 = performance.now();
let sizes = 0;
for (const [t, p] of samples) {
  if (!usesVariable(t, 0)) { skipped++; continue; }
  if (!(largestMagnitude(t, p) < 1e6) || !(singularDistance(t, p) > 0.05)) { skipped++; continue; }
  sizes += nodeCount(t);
  const text = printTree(t);
  try {
    const f = toExpr(t);
    const df = diff(f, 'x');
    const sym = evaluate(df, { x: p[0]! });
    const x = tensor([p[0]!], { requiresGrad: true });
    const y = toTensorFn(t)([x]);
    const [g] = grad(y, x);
    const ad = g!.item() as number;
    const tr = trace(toValueFn(t), { x: p[0]! });
    const gr = backwardPass(tr).gradients['x']!;
    const est = derivativeEstimate(toNumberFn(t), p[0]!);
    const fv = evaluate(f, { x: p[0]! });
    const tv = evaluateTree(t, p);
    const scale = Math.max(Math.abs(sym), Math.abs(ad), 1);
    const msgs: string[] = [];
    if (!(Math.abs(sym - ad) <= 1e-9 * scale)) msgs.push(`sym ${sym} vs ad ${ad}`);
    if (!(Math.abs(gr - ad) <= 1e-12 * scale)) msgs.push(`graph ${gr} vs ad ${ad}`);
    if (!(Math.abs(est.value - sym) <= Math.max(est.error, 1e-13*scale))) msgs.push(`num ${est.value}±${est.error} vs sym ${sym} (true err ${Math.abs(est.value - sym)})`);
    if (!(Math.abs(est.value - sym) <= 1e-6 * scale)) msgs.push(`num ${est.value} vs sym ${sym} rel`);
    if (!(Math.abs(fv - tv) <= 1e-12 * Math.max(1, Math.abs(tv)))) msgs.push(`value sym ${fv} vs tree ${tv}`);
    if (y.item() !== tv) msgs.push(`value ad ${y.item()} vs tree ${tv}`);
    const cf = compile(df, ['x'])(p[0]!);
    if (!Object.is(cf, sym)) msgs.push(`compile ${cf} vs evaluate ${sym}`);
    if (msgs.length) bad.push(`${text} at x=${p[0]}: ${String(df)}\n   ${msgs.join('\n   ')}`);
    else ok++;
  } catch (e) {
    bad.push(`${text} at x=${p[0]}: THROW ${(e as Error).message}`);
  }
}
console.log({ ok, skipped, bad: bad.length, ms: performance.now() - t0, meanNodes: sizes / (ok + bad.length) });
for (const b of bad.slice(0, 30)) console.log(b);
