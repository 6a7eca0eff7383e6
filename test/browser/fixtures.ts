/**
 * Small modules that are NOT browser-clean, written to a temporary package root so the test
 * can show that its page notices each way a core module could depend on Node.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NOT_BROWSER_CLEAN = {
  'nodeImport.js': "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
  'nodeGlobal.js': 'export const cwd = process.cwd();\n',
  'bareImport.js': "import fc from 'fast-check';\nexport const arb = fc;\n",
  'outsideCore.js': "import '../../cli/main.js';\nexport const ok = 1;\n",
  'laterError.js':
    "setTimeout(() => {\n  throw new Error('thrown after loading');\n}, 0);\nexport const ok = 1;\n",
  'strayRequest.js':
    "export const done = fetch('https://registry.npmjs.org/').catch(() => 'refused');\n",
} as const;

export type FixtureName = keyof typeof NOT_BROWSER_CLEAN;

/** A fresh directory holding dist/src/<fixture> for each fixture; the caller removes it. */
export function writeFixtureRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'mibun-browser-'));
  mkdirSync(join(root, 'dist', 'src'), { recursive: true });
  for (const [name, text] of Object.entries(NOT_BROWSER_CLEAN)) {
    writeFileSync(join(root, 'dist', 'src', name), text);
  }
  return root;
}
