/**
 * NumPy-style basic indexing, written either as a string, `a.slice('1:, ::2')`, or as items,
 * `a.slice([1, null], [null, null, 2])`. Items: an integer selects (and drops the dim), null
 * keeps a whole dim, [start, stop?, step?] slices (null bounds default), '...' stands for as
 * many whole dims as needed, 'newaxis' inserts a size-1 dim.
 */
import { IndexError } from './errors.js';
import { selectLayout, sliceDim, unsqueezeLayout, type Layout } from './layout.js';

export type SliceRange = readonly [
  start: number | null,
  stop?: number | null,
  step?: number | null,
];
export type SliceItem = number | null | '...' | 'newaxis' | SliceRange;

const INT = /^[+-]?\d+$/;

function parseBound(text: string, part: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  if (!INT.test(t)) {
    throw new IndexError(`slice "${part}": "${t}" is not an integer`);
  }
  return Number(t);
}

/** Parses '1:, ::2, ..., None, -1' into slice items. */
export function parseSlice(spec: string): SliceItem[] {
  if (spec.trim() === '') return [];
  return spec.split(',').map((raw): SliceItem => {
    const part = raw.trim();
    if (part === '...') return '...';
    if (part === 'None' || part === 'newaxis') return 'newaxis';
    if (part === ':' || part === '::') return null;
    if (INT.test(part)) return Number(part);
    const pieces = part.split(':');
    if (pieces.length < 2 || pieces.length > 3) {
      throw new IndexError(
        `slice "${spec}": cannot read "${part}"; expected an integer, start:stop[:step], '...' or None`,
      );
    }
    return [
      parseBound(pieces[0]!, part),
      parseBound(pieces[1]!, part),
      pieces.length === 3 ? parseBound(pieces[2]!, part) : null,
    ];
  });
}

/** The layout of `l` indexed by `items`. */
export function sliceLayout(l: Layout, items: readonly SliceItem[]): Layout {
  const consumes = (it: SliceItem): boolean => it !== '...' && it !== 'newaxis';
  const used = items.filter(consumes).length;
  const ellipses = items.filter((it) => it === '...').length;
  const nd = l.shape.length;
  if (ellipses > 1) throw new IndexError('an index can have only one ellipsis (...)');
  if (used > nd) {
    throw new IndexError(
      `too many indices: ${used} given for an array with ${nd} dimension(s)`,
      used,
      nd,
    );
  }
  let out = l;
  let d = 0; // the dimension of `out` the next item applies to
  for (const it of items) {
    if (it === '...') {
      d += nd - used;
    } else if (it === 'newaxis') {
      out = unsqueezeLayout(out, d);
      d++;
    } else if (it === null) {
      d++;
    } else if (typeof it === 'number') {
      out = selectLayout(out, d, it);
    } else {
      out = sliceDim(out, d, it[0], it[1], it[2]);
      d++;
    }
  }
  return out;
}
