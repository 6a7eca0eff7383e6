/**
 * The browser loads the compiled modules in dist/, not the TypeScript. In CI `npm ci` has just
 * built them (the `prepare` script). Locally dist/ may be missing or older than src/, so the
 * test runs `npm run build` itself rather than check yesterday's code.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Entry } from './entries.js';

/** The newest modification time of the files under `dir` whose names end in `ext` (0 if none). */
function newestMtime(dir: string, ext: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    if (item.isDirectory()) newest = Math.max(newest, newestMtime(path, ext));
    else if (item.name.endsWith(ext)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Why dist/ must be rebuilt, or null when it is current. tsc rewrites every output on each
 * build, so dist/ is current exactly when its newest .js is newer than the newest .ts in src/.
 */
export function staleReason(root: string, entries: readonly Entry[]): string | null {
  const missing = entries.filter((e) => e.written && !existsSync(join(root, e.dist)));
  if (missing.length > 0) return `${missing.map((e) => e.dist).join(', ')} missing`;
  if (newestMtime(join(root, 'src'), '.ts') > newestMtime(join(root, 'dist', 'src'), '.js')) {
    return 'src/ changed since the last build';
  }
  return null;
}

/**
 * Builds dist/ when it is missing or stale. A build with type errors still emits JavaScript
 * (`npm run typecheck` is what reports them), so it is accepted as long as every entry exists.
 */
export function ensureBuilt(root: string, entries: readonly Entry[]): void {
  const reason = staleReason(root, entries);
  if (reason === null) return;
  let log = '';
  try {
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'pipe', timeout: 240_000 });
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer; message: string };
    log = `${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? ''}` || e.message;
  }
  const still = entries.filter((e) => e.written && !existsSync(join(root, e.dist)));
  if (still.length > 0) {
    throw new Error(
      `dist/ was out of date (${reason}) and \`npm run build\` did not produce ` +
        `${still.map((e) => e.dist).join(', ')}; fix the build and rerun.\n${log.slice(0, 2000)}`,
    );
  }
}
