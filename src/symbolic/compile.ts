/**
 * `compile(f, ['x', 'y'])`: a plain JavaScript function `(x, y) => number` for an expression,
 * many times faster than `evaluate` when called in a loop.
 *
 * The code is generated from the checked expression DAG, never from user text: the only
 * identifiers in it are ones generated here (`a0…` for the arguments, `t0…` for
 * intermediate values, `k` for the constants and `f` for the rules' number functions), so a
 * symbol name such as `constructor` or `x; alert(1)` can never reach the generated source.
 * Every shared subexpression is computed once (the DAG is hash-consed), and every value is
 * computed with the same functions as `evaluate`, so the two agree to the last bit.
 */
import { BINARY_NUMBER, isUnaryOp, UNARY_NUMBER } from '../rules/index.js';
import { Expr, symbol } from './expr.js';
import { MissingValueError } from './exprErrors.js';
import { E, PI } from './node.js';
import type { Node } from './node.js';
import { toFloat } from './numbers.js';

/** The variables of a compiled function, in argument order: symbols or their names. */
export type VariableList = readonly (Expr | string)[] | string;

export function variableNodes(vars: VariableList): Node[] {
  const list = typeof vars === 'string' ? vars.split(/[\s,]+/).filter((s) => s) : vars;
  return list.map((v) => (typeof v === 'string' ? symbol(v) : v).node);
}

type NumberFn = (...args: number[]) => number;

/** Generated code for a list of outputs, with its constants and functions. */
function generate(
  roots: readonly Node[],
  params: readonly Node[],
  asArray: boolean,
): { body: string; constants: number[]; fns: NumberFn[] } {
  const names = new Map<Node, string>();
  params.forEach((p, i) => names.set(p, `a${i}`));
  const constants: number[] = [];
  const fns: NumberFn[] = [];
  const fnIndex = new Map<string, number>();
  const lines: string[] = [];
  const fnRef = (name: string, fn: NumberFn): string => {
    let i = fnIndex.get(name);
    if (i === undefined) {
      i = fns.length;
      fns.push(fn);
      fnIndex.set(name, i);
    }
    return `f[${i}]`;
  };
  const leaf = (n: Node): string => {
    if (n.kind === 'symbol') {
      const given = params.map((p) => p.name);
      throw new MissingValueError(n.name, given);
    }
    const v =
      n === PI
        ? Math.PI
        : n === E
          ? Math.E
          : n.kind === 'special'
            ? n.name === 'zoo'
              ? Infinity
              : NaN
            : toFloat(n);
    constants.push(v);
    return `k[${constants.length - 1}]`;
  };
  let temp = 0;
  const stack: Node[] = [...roots];
  while (stack.length) {
    const n = stack[stack.length - 1]!;
    if (names.has(n)) {
      stack.pop();
      continue;
    }
    if (n.args.length === 0) {
      names.set(n, leaf(n));
      stack.pop();
      continue;
    }
    let ready = true;
    for (const a of n.args)
      if (!names.has(a)) {
        stack.push(a);
        ready = false;
      }
    if (!ready) continue;
    stack.pop();
    const args = n.args.map((a) => names.get(a)!);
    let code: string;
    switch (n.kind) {
      case 'add':
        code = args.join(' + ');
        break;
      case 'mul':
        code = args.join(' * ');
        break;
      case 'pow':
        code = `${fnRef('pow', BINARY_NUMBER.pow)}(${args[0]}, ${args[1]})`;
        break;
      case 'fn': {
        const fn: NumberFn =
          n.name === 'atan2'
            ? BINARY_NUMBER.atan2
            : isUnaryOp(n.name)
              ? UNARY_NUMBER[n.name]
              : () => NaN;
        code = `${fnRef(n.name, fn)}(${args.join(', ')})`;
        break;
      }
      default:
        throw new Error('internal: unexpected node');
    }
    const t = `t${temp++}`;
    lines.push(`const ${t} = ${code};`);
    names.set(n, t);
  }
  const out = roots.map((r) => names.get(r)!);
  return {
    body: lines.join('\n') + `\nreturn ${asArray ? `[${out.join(', ')}]` : out[0]};`,
    constants,
    fns,
  };
}

function build<T>(
  roots: readonly Node[],
  params: readonly Node[],
  asArray: boolean,
): (...args: number[]) => T {
  const { body, constants, fns } = generate(roots, params, asArray);
  const argList = params.map((_, i) => `a${i}`).join(', ');
  const factory = new Function('k', 'f', `return function compiled(${argList}) {\n${body}\n};`);
  return factory(constants, fns) as (...args: number[]) => T;
}

/**
 * A fast float64 function of the given variables (in that order). A symbol of `f` missing
 * from `vars` is a MissingValueError, raised here rather than at call time.
 * @example
 * const f = compile(parse('x**2*y'), ['x', 'y']);
 * f(3, 2); // 18
 */
export function compile(f: Expr, vars: VariableList): (...args: number[]) => number {
  return build<number>([f.node], variableNodes(vars), false);
}

/** Several expressions compiled into one function returning their values as an array. */
export function compileMany(
  fs: readonly Expr[],
  vars: VariableList,
): (...args: number[]) => number[] {
  return build<number[]>(
    fs.map((f) => f.node),
    variableNodes(vars),
    true,
  );
}
