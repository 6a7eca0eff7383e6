/**
 * A blank page at http://mibun.test whose only content is the built library: Playwright
 * answers the page's requests for /dist/src/** from the files on disk (no server process),
 * refuses everything else, and records anything that went wrong in the page.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import type { Browser, JSHandle, Page, Route } from 'playwright-core';

export const ORIGIN = 'http://mibun.test';

/** Module scripts are refused by browsers unless served with a JavaScript MIME type. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

const BLANK_PAGE =
  '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>mibun</title>';

/** Everything that would show the core is not browser-clean; each list must stay empty. */
export interface PageProblems {
  /** uncaught exceptions and unhandled rejections in the page */
  pageErrors: string[];
  /** console.error output, including resources that failed to load */
  consoleErrors: string[];
  /** requests the page made outside /dist/src/ (a bare or `node:` import, a fetch) */
  refusedRequests: string[];
}

export function noProblems(): PageProblems {
  return { pageErrors: [], consoleErrors: [], refusedRequests: [] };
}

async function serveDist(route: Route, root: string, problems: PageProblems): Promise<void> {
  const url = new URL(route.request().url());
  if (url.pathname === '/') {
    return route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: BLANK_PAGE,
    });
  }
  const distSrc = join(root, 'dist', 'src');
  const file = join(root, decodeURIComponent(url.pathname));
  const inside = relative(distSrc, file);
  const contentType = CONTENT_TYPES[extname(file)];
  if (inside.startsWith('..') || inside.startsWith(sep) || contentType === undefined) {
    problems.refusedRequests.push(url.href);
    return route.fulfill({ status: 404, body: 'not part of the core library' });
  }
  try {
    return await route.fulfill({ status: 200, contentType, body: await readFile(file) });
  } catch {
    problems.refusedRequests.push(`${url.href} (no such file)`);
    return route.fulfill({ status: 404, body: 'no such file' });
  }
}

/** Opens the blank page, with its requests served from `root`/dist and problems recorded. */
export async function openLibraryPage(
  browser: Browser,
  root: string,
  problems: PageProblems,
): Promise<Page> {
  const context = await browser.newContext();
  // Page routes are tried first, so this one sees only requests to other origins.
  await context.route('**/*', (route) => {
    problems.refusedRequests.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.route(`${ORIGIN}/**`, (route) => serveDist(route, root, problems));
  page.on('pageerror', (error) => problems.pageErrors.push(error.stack ?? String(error)));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber } = message.location();
    problems.consoleErrors.push(`${message.text()} (${url}:${lineNumber})`);
  });
  await page.goto(`${ORIGIN}/`);
  return page;
}

/**
 * `await import(url)` in the page, for a module path relative to the package root. The
 * expression is sent as a string because vitest rewrites `import()` in test code into its own
 * loader, which a function serialised into the page would then call.
 */
export async function importInPage<M>(page: Page, path: string): Promise<JSHandle<M>> {
  const handle = await page.evaluateHandle(`import(${JSON.stringify(`${ORIGIN}/${path}`)})`);
  return handle as JSHandle<M>;
}
