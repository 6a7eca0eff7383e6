import { it } from 'vitest';
import fc from 'fast-check';
import { E, FUNCTIONS, add, applyFunction, integer, mul, parse, pi, pow, rational, symbol, type Expr } from '../../src/symbolic/index.js';
function dump(e: Expr): string { return e.args.length ? `${e.kind}${e.name ? ':' + e.name : ''}(${e.args.map(dump).join(', ')})` : e.toString(); }
const coreErrors = new Set<string>();
function safe(what: string, f: () => Expr, fallback: Expr, show: () => string): Expr {
  try { return f(); } catch (err) { coreErrors.add(`${what}(${show()}): ${(err as Error).message.split('\n')[0]}`); return fallback; }
}
it('scratch', () => {
  const names = fc.constantFrom('x', 'y', 'z');
  const exact: fc.Arbitrary<Expr> = fc.oneof(names.map((n) => symbol(n)), fc.integer({ min: -12, max: 12 }).map((n) => integer(n)),
    fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 1, max: 9 })).map(([p, q]) => rational(p, q)), fc.constantFrom(pi, E));
  const unary = [...FUNCTIONS].filter(([, arity]) => arity.includes(1)).map(([name]) => name);
  const tree = fc.letrec<{ tree: Expr }>((tie) => ({
      tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, exact,
        fc.array(tie('tree'), { minLength: 2, maxLength: 3 }).map((t) => safe('add', () => add(...t), t[0]!, () => t.join(' ; '))),
        fc.array(tie('tree'), { minLength: 2, maxLength: 3 }).map((t) => safe('mul', () => mul(...t), t[0]!, () => t.join(' ; '))),
        fc.tuple(tie('tree'), fc.oneof(fc.integer({ min: -3, max: 4 }).map((n) => integer(n)), tie('tree'))).map(([b, e]) => safe('pow', () => pow(b, e), b, () => `${b} ; ${e}`)),
        fc.tuple(fc.constantFrom(...unary), tie('tree')).map(([f, arg]) => safe(f, () => applyFunction(f, [arg]), arg, () => `${arg}`)),
        fc.tuple(tie('tree'), tie('tree')).map(([y, x]) => safe('atan2', () => applyFunction('atan2', [y, x]), x, () => `${y} ; ${x}`))),
    })).tree;
  const fails = new Set<string>();
  fc.check(fc.property(tree, (e) => { let p: Expr; try { p = parse(e.toString()); } catch (err) { fails.add(`${e} THROWS ${(err as Error).message.split('\n')[0]}`); return true; } if (p !== e) { fails.add(`${e.toString()}\n   orig ${dump(e)}\n   back ${dump(p)}`); } return true; }), { numRuns: 20000 });
  console.log([...coreErrors].slice(0, 8).join('\n'), coreErrors.size); console.log([...fails].slice(0, 12).join('\n'), fails.size);
});
