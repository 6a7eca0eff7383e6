/**
 * PyTorch's tensor repr (torch/_tensor_str.py), rule for rule: one formatter chosen from all
 * shown values (fixed with 4 decimals; integer-valued floats as `3.`; scientific when the
 * nonzero magnitudes span more than 1000×, exceed 1e8, or (non-integers) go below 1e-4),
 * columns right-aligned to the widest value, rows wrapped at 80 characters, arrays of more
 * than 1000 elements summarised with `...` and 3 items at each edge, and suffixes (dtype,
 * requires_grad, grad_fn) wrapped onto a new line indented under `tensor(` when they would
 * pass column 80.
 *
 * One deliberate difference: float64 is mibun's default dtype (PyTorch's is float32), so float64
 * prints no `dtype=` and float32 prints `dtype=torch.float32`. int32, mibun's only integer dtype,
 * stands for PyTorch's int64 and prints none either (except when empty, as PyTorch).
 */
import { DEFAULT_DTYPE, isFloatingDType, torchName } from './dtype.js';
import type { StridedArray } from './layout.js';
import { formatExp, formatFixed } from './pyformat.js';
import { shapeSize } from './shape.js';

export interface PrintOptions {
  /** digits after the point (4) */
  precision?: number;
  /** more elements than this are summarised (1000) */
  threshold?: number;
  /** items kept at each edge of a summarised dimension (3) */
  edgeItems?: number;
  /** characters per line (80) */
  lineWidth?: number;
  /** force (true) or forbid (false) scientific notation; chosen from the values when absent */
  sciMode?: boolean;
}

export interface FormatOptions extends PrintOptions {
  /** prints `requires_grad=True` (when there is no gradFn) */
  requiresGrad?: boolean;
  /** prints `grad_fn=<name>`, e.g. 'MulBackward0' */
  gradFn?: string;
  /** what comes before the values: 'tensor(' by default ('Parameter containing:\n…' etc.) */
  prefix?: string;
}

interface Options {
  precision: number;
  threshold: number;
  edgeItems: number;
  lineWidth: number;
  sciMode: boolean | undefined;
}

class Formatter {
  readonly floating: boolean;
  intMode = true;
  sciMode = false;
  maxWidth = 1;

  constructor(
    values: number[],
    floating: boolean,
    private readonly isBool: boolean,
    private readonly opts: Options,
  ) {
    this.floating = floating;
    const p = opts.precision;
    if (!floating) {
      for (const v of values)
        this.maxWidth = Math.max(this.maxWidth, plainString(v, isBool).length);
    } else {
      const nz = values.filter((v) => Number.isFinite(v) && v !== 0);
      if (nz.length > 0) {
        let min = Infinity;
        let max = 0;
        for (const v of nz) {
          const a = Math.abs(v);
          if (a < min) min = a;
          if (a > max) max = a;
          if (v !== Math.ceil(v)) this.intMode = false;
        }
        if (this.intMode) {
          if (max / min > 1000 || max > 1e8) {
            this.sciMode = true;
            for (const v of nz) this.maxWidth = Math.max(this.maxWidth, formatExp(v, p).length);
          } else {
            for (const v of nz)
              this.maxWidth = Math.max(this.maxWidth, formatFixed(v, 0).length + 1);
          }
        } else if (max / min > 1000 || max > 1e8 || min < 1e-4) {
          this.sciMode = true;
          for (const v of nz) this.maxWidth = Math.max(this.maxWidth, formatExp(v, p).length);
        } else {
          for (const v of nz) this.maxWidth = Math.max(this.maxWidth, formatFixed(v, p).length);
        }
      }
    }
    if (opts.sciMode !== undefined) this.sciMode = opts.sciMode;
  }

  format(v: number): string {
    let s: string;
    if (this.floating) {
      if (this.sciMode) s = formatExp(v, this.opts.precision);
      else if (this.intMode) {
        s = formatFixed(v, 0);
        if (Number.isFinite(v)) s += '.';
      } else s = formatFixed(v, this.opts.precision);
    } else s = plainString(v, this.isBool);
    return s.padStart(this.maxWidth);
  }
}

function plainString(v: number, isBool: boolean): string {
  return isBool ? (v ? 'True' : 'False') : String(v);
}

/** Indices shown along a dimension of `size`: all, or the edges when summarising. */
function shownIndices(
  size: number,
  summarize: boolean,
  edge: number,
): number[] | [number[], number[]] {
  const all = (from: number, to: number): number[] => {
    const out: number[] = [];
    for (let i = from; i < to; i++) out.push(i);
    return out;
  };
  if (summarize && size > 2 * edge) return [all(0, edge), all(size - edge, size)];
  return all(0, size);
}

function isSplit(x: number[] | [number[], number[]]): x is [number[], number[]] {
  return x.length === 2 && Array.isArray(x[0]);
}

function collectValues(a: StridedArray, summarize: boolean, edge: number): number[] {
  const out: number[] = [];
  const walk = (d: number, offset: number): void => {
    if (d === a.shape.length) {
      out.push(a.storage[offset]!);
      return;
    }
    const shown = shownIndices(a.shape[d]!, summarize, edge);
    const idx = isSplit(shown) ? [...shown[0], ...shown[1]] : shown;
    for (const i of idx) walk(d + 1, offset + i * a.strides[d]!);
  };
  walk(0, a.offset);
  return out;
}

function tensorBody(a: StridedArray, indent: number, opts: Options): string {
  const summarize = shapeSize(a.shape) > opts.threshold;
  const edge = opts.edgeItems;
  const f = new Formatter(
    collectValues(a, summarize, edge),
    isFloatingDType(a.dtype),
    a.dtype === 'bool',
    opts,
  );
  const nd = a.shape.length;
  const vector = (offset: number, ind: number): string => {
    const size = a.shape[nd - 1]!;
    const stride = a.strides[nd - 1]!;
    const perLine = Math.max(1, Math.floor((opts.lineWidth - ind) / (f.maxWidth + 2)));
    const shown = shownIndices(size, summarize, edge);
    const fmt = (i: number): string => f.format(a.storage[offset + i * stride]!);
    const data = isSplit(shown)
      ? [...shown[0].map(fmt), ' ...', ...shown[1].map(fmt)]
      : shown.map(fmt);
    const lines: string[] = [];
    for (let i = 0; i < data.length; i += perLine)
      lines.push(data.slice(i, i + perLine).join(', '));
    return '[' + lines.join(',\n' + ' '.repeat(ind + 1)) + ']';
  };
  const walk = (d: number, offset: number, ind: number): string => {
    if (d === nd - 1) return vector(offset, ind);
    const shown = shownIndices(a.shape[d]!, summarize, edge);
    const sub = (i: number): string => walk(d + 1, offset + i * a.strides[d]!, ind + 1);
    const slices = isSplit(shown)
      ? [...shown[0].map(sub), '...', ...shown[1].map(sub)]
      : shown.map(sub);
    return '[' + slices.join(',' + '\n'.repeat(nd - d - 1) + ' '.repeat(ind + 1)) + ']';
  };
  if (nd === 0) return f.format(a.storage[a.offset]!);
  return walk(0, a.offset, indent);
}

function addSuffixes(body: string, suffixes: string[], indent: number, lineWidth: number): string {
  const parts = [body];
  // PyTorch's count: from the last newline (or one before the start), plus one.
  let lastLineLen = body.length - body.lastIndexOf('\n') + 1;
  for (const s of suffixes) {
    if (lastLineLen + s.length + 2 > lineWidth) {
      parts.push(',\n' + ' '.repeat(indent) + s);
      lastLineLen = indent + s.length;
    } else {
      parts.push(', ' + s);
      lastLineLen += s.length + 2;
    }
  }
  parts.push(')');
  return parts.join('');
}

/** The repr of an array, as `print(t)` shows a PyTorch tensor. */
export function format(a: StridedArray, options: FormatOptions = {}): string {
  const opts: Options = {
    precision: options.precision ?? 4,
    threshold: options.threshold ?? 1000,
    edgeItems: options.edgeItems ?? 3,
    lineWidth: options.lineWidth ?? 80,
    sciMode: options.sciMode,
  };
  const prefix = options.prefix ?? 'tensor(';
  const indent = prefix.length;
  const suffixes: string[] = [];
  let body: string;
  if (shapeSize(a.shape) === 0) {
    if (a.shape.length !== 1) suffixes.push(`size=(${a.shape.join(', ')})`);
    if (a.dtype !== DEFAULT_DTYPE) suffixes.push(`dtype=${torchName(a.dtype)}`);
    body = '[]';
  } else {
    if (a.dtype === 'float32') suffixes.push(`dtype=${torchName(a.dtype)}`);
    body = tensorBody(a, indent, opts);
  }
  if (options.gradFn !== undefined) suffixes.push(`grad_fn=<${options.gradFn}>`);
  else if (options.requiresGrad) suffixes.push('requires_grad=True');
  return addSuffixes(prefix + body, suffixes, indent, opts.lineWidth);
}
