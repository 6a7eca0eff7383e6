/** Printing helpers that reproduce PyTorch's module reprs. */

/**
 * A number as Python's `repr` prints it: integers bare (`20`, as PyTorch's defaults are Python
 * ints), exponents below 1e-4 and from 1e16 with a signed two-digit exponent (`1e-05`).
 */
export function pyNumber(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return String(x);
  const abs = Math.abs(x);
  if (abs >= 1e-4 && abs < 1e16) return String(x);
  const [mantissa, exponent] = x.toExponential().split('e') as [string, string];
  const e = Number(exponent);
  return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

/** Python's `True`/`False`. */
export function pyBool(b: boolean): string {
  return b ? 'True' : 'False';
}

/** A shape as a Python tuple: `(4,)`, `(2, 3)`. */
export function pyTuple(xs: readonly number[]): string {
  return xs.length === 1 ? `(${xs[0]},)` : `(${xs.join(', ')})`;
}

/** Indents every line after the first by `n` spaces (PyTorch's `_addindent`). */
export function addIndent(s: string, n: number): string {
  const lines = s.split('\n');
  if (lines.length === 1) return s;
  const pad = ' '.repeat(n);
  return [lines[0], ...lines.slice(1).map((l) => pad + l)].join('\n');
}

/**
 * PyTorch's `Module.__repr__`: `Name(extra)` on one line when there are no children, else the
 * extra lines and `(name): child` lines indented under `Name(`.
 */
export function moduleRepr(
  name: string,
  extra: string,
  children: readonly (readonly [string, string])[],
): string {
  const extraLines = extra === '' ? [] : extra.split('\n');
  const childLines = children.map(([key, repr]) => `(${key}): ${addIndent(repr, 2)}`);
  const lines = [...extraLines, ...childLines];
  let out = `${name}(`;
  if (lines.length > 0) {
    if (extraLines.length === 1 && childLines.length === 0) out += extraLines[0];
    else out += '\n  ' + lines.join('\n  ') + '\n';
  }
  return out + ')';
}
