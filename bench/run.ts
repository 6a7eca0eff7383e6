/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command line), prints
 * one JSON document and writes it to bench/results/latest.json.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchSection } from './harness.js';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

const sections: BenchSection[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as {
    run: () => Promise<BenchSection>;
  };
  process.stderr.write(`bench: ${file}\n`);
  sections.push(await mod.run());
}
const report = {
  date: new Date().toISOString(),
  node: process.version,
  note: 'Ratios are mibun ops/s divided by the peer ops/s in the same run (>1: mibun faster).',
  sections,
};
const json = JSON.stringify(report, null, 2);
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'latest.json'), json + '\n');
process.stdout.write(json + '\n');
