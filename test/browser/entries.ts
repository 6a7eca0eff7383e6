/**
 * The core library's entry points, as the browser test sees them: every `import` target of
 * package.json's `exports` map under dist/src, plus every `src/<area>/index.ts` the map does
 * not list yet (so a new area is checked in the browser before it is published).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Entry {
  /** how the test names it: the exports subpath (`mibun/numeric`) or the folder */
  label: string;
  /** the built module, relative to the package root: `dist/src/numeric/index.js` */
  dist: string;
  /** its TypeScript source: `src/numeric/index.ts` */
  src: string;
  /** whether the source exists yet (entries of the map may be written later) */
  written: boolean;
}

type ExportTarget = string | { import?: string } | null;

export function coreEntries(root: string): Entry[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    name: string;
    exports?: Record<string, ExportTarget>;
  };
  const entries = new Map<string, Entry>();
  const add = (label: string, dist: string): void => {
    if (entries.has(dist)) return;
    const src = dist.replace(/^dist\//, '').replace(/\.js$/, '.ts');
    entries.set(dist, { label, dist, src, written: existsSync(join(root, src)) });
  };

  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    const file = typeof target === 'string' ? target : target?.import;
    if (!file?.startsWith('./dist/src/') || !file.endsWith('.js')) continue;
    add(subpath === '.' ? pkg.name : `${pkg.name}/${subpath.replace(/^\.\//, '')}`, file.slice(2));
  }
  for (const area of readdirSync(join(root, 'src'), { withFileTypes: true })) {
    if (area.isDirectory() && existsSync(join(root, 'src', area.name, 'index.ts'))) {
      add(`src/${area.name} (not in exports)`, `dist/src/${area.name}/index.js`);
    }
  }
  return [...entries.values()];
}
