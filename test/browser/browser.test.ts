/**
 * The core library runs in a browser, not only in Node: headless Chromium imports the built
 * ES modules of every entry point (see ./entries.ts) and computes the seed notebook's results,
 * which are compared here with SymPy / PyTorch values. Any `node:` import, bare npm import or
 * Node-only global met while loading or running shows up as a failed import, a page error or a
 * refused request. See docs/browser.md.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type * as Autograd from '../../src/autograd/index.js';
import type * as Graph from '../../src/graph/index.js';
import type * as Numeric from '../../src/numeric/index.js';
import type * as Symbolic from '../../src/symbolic/index.js';
import { ensureBuilt } from './build.js';
import { chromiumSkipReason, launchChromium } from './chromium.js';
import { coreEntries, type Entry } from './entries.js';
import { type FixtureName, writeFixtureRoot } from './fixtures.js';
import { importInPage, noProblems, openLibraryPage, type PageProblems } from './page.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ENTRIES = coreEntries(ROOT);
const SKIP = chromiumSkipReason();

/** The entry whose source is `src`, when it is written; its checks are skipped until then. */
function entry(src: string): Entry | undefined {
  return ENTRIES.find((e) => e.src === src && e.written);
}
const symbolic = entry('src/symbolic/index.ts');
const numeric = entry('src/numeric/index.ts');
const graph = entry('src/graph/index.ts');
const autograd = entry('src/autograd/index.ts');

// 4 ln 2 and 3/2: ∂/∂x and ∂/∂y of (x**2 + 2*x)*log(y) at x = 1, y = 2.
// PyTorch 1.13 (float64): x.grad.item() = 2.772588722239781, y.grad.item() = 1.5
const SEED_GRADIENT_XY = [2.772588722239781, 1.5];

describe.skipIf(SKIP !== null)(
  `core library in headless Chromium${SKIP === null ? '' : ` (skipped: ${SKIP})`}`,
  () => {
    let browser: Browser | undefined;
    let page: Page;
    const problems = noProblems();

    beforeAll(async () => {
      ensureBuilt(ROOT, ENTRIES);
      browser = await launchChromium();
      page = await openLibraryPage(browser, ROOT, problems);
    }, 300_000);

    afterAll(async () => {
      await browser?.close();
    }, 60_000);

    // Every check must leave the page clean: no uncaught error, console error or stray request.
    afterEach(() => {
      const found = { ...problems };
      problems.pageErrors = [];
      problems.consoleErrors = [];
      problems.refusedRequests = [];
      expect(found).toEqual(noProblems());
    });

    describe('every entry point loads and exports what it exports in Node', () => {
      for (const e of ENTRIES) {
        const name = e.written ? `${e.label}: ${e.dist}` : `${e.label}: ${e.src} not written yet`;
        it.skipIf(!e.written)(name, async () => {
          const inPage = await importInPage<Record<string, unknown>>(page, e.dist);
          const pageNames = await inPage.evaluate((m) =>
            Object.keys(m).filter((k) => m[k] !== undefined),
          );
          const nodeModule = (await import(
            /* @vite-ignore */ pathToFileURL(join(ROOT, e.dist)).href
          )) as Record<string, unknown>;
          expect(pageNames.length).toBeGreaterThan(0);
          expect(pageNames.sort()).toEqual(Object.keys(nodeModule).sort());
        });
      }
    });

    describe.skipIf(!symbolic)('mibun/symbolic', () => {
      const load = () => importInPage<typeof Symbolic>(page, symbolic?.dist ?? '');

      it("seed: diff((x**2 + 2*x)*log(x), x) prints as SymPy's", async () => {
        const s = await load();
        const printed = await s.evaluate((m) =>
          m.parse('(x**2 + 2*x)*log(x)').diff('x').toString(),
        );
        // SymPy 1.11.1: str(diff((x**2 + 2*x)*log(x), x)), also the seed's printout
        expect(printed).toBe('(2*x + 2)*log(x) + (x**2 + 2*x)/x');
      });

      it('seed: partials of (x**2 + 2*x)*log(y), printed and evaluated at x=1, y=2', async () => {
        const s = await load();
        const [dx, dy, values] = await s.evaluate((m) => {
          const f = m.parse('(x**2 + 2*x)*log(y)');
          const partials = [f.diff('x'), f.diff('y')];
          return [
            partials[0]?.toString(),
            partials[1]?.toString(),
            partials.map((p) => p.evaluate({ x: 1, y: 2 })),
          ] as const;
        });
        // SymPy 1.11.1: diff(f, x), diff(f, y)
        expect(dx).toBe('(2*x + 2)*log(y)');
        expect(dy).toBe('(x**2 + 2*x)/y');
        expect(values[0]).toBeCloseTo(SEED_GRADIENT_XY[0] ?? NaN, 12);
        expect(values[1]).toBeCloseTo(SEED_GRADIENT_XY[1] ?? NaN, 12);
      });

      it('a ParseError thrown in the page is a ParseError with its column', async () => {
        const s = await load();
        const caught = await s.evaluate((m) => {
          try {
            m.parse('2x + 1');
            return null;
          } catch (error) {
            if (!(error instanceof m.ParseError)) return { isParseError: false };
            return { isParseError: true, code: error.code, column: error.column };
          }
        });
        expect(caught).toEqual({ isParseError: true, code: 'missing-operator', column: 2 });
      });
    });

    describe.skipIf(!numeric)('mibun/numeric', () => {
      const load = () => importInPage<typeof Numeric>(page, numeric?.dist ?? '');

      it('derivative(Math.sin, 1) is cos(1) to 1e-12', async () => {
        const n = await load();
        const d = await n.evaluate((m) => m.derivative(Math.sin, 1));
        // NumPy 1.24: np.cos(1.0)
        expect(Math.abs(d - 0.5403023058681398)).toBeLessThan(1e-12);
      });

      it("seed: numerDeriv(f, 1) is the notebook's float to the last digit", async () => {
        const n = await load();
        const d = await n.evaluate((m) => m.numerDeriv((x) => (x ** 2 + 2 * x) * Math.log(x), 1));
        // the seed's printout of numer_deriv(f, 1) (central difference, h = 0.001)
        expect(d).toBe(2.999999999999666);
      });

      it('gradient of the seed f_xy at [1, 2]', async () => {
        const n = await load();
        const g = await n.evaluate((m) =>
          m.gradient(
            (v: number[]) => ((v[0] ?? NaN) ** 2 + 2 * (v[0] ?? NaN)) * Math.log(v[1] ?? NaN),
            [1, 2],
          ),
        );
        expect(g).toHaveLength(2);
        expect(g[0]).toBeCloseTo(SEED_GRADIENT_XY[0] ?? NaN, 9);
        expect(g[1]).toBeCloseTo(SEED_GRADIENT_XY[1] ?? NaN, 9);
      });
    });

    describe.skipIf(!graph)('mibun/graph', () => {
      it('seed part 4: backwardPass(trace(...)) at x=1, y=2 is [4 ln 2, 1.5]', async () => {
        const g = await importInPage<typeof Graph>(page, graph?.dist ?? '');
        const gradients = await g.evaluate(
          (m) =>
            m.backwardPass(m.trace((x, y) => x.mul(x).add(x.mul(2)).mul(y.log()), { x: 1, y: 2 }))
              .gradients,
        );
        expect(Object.keys(gradients).sort()).toEqual(['x', 'y']);
        expect(gradients.x).toBeCloseTo(SEED_GRADIENT_XY[0] ?? NaN, 12);
        expect(gradients.y).toBeCloseTo(SEED_GRADIENT_XY[1] ?? NaN, 12);
      });
    });

    describe.skipIf(!autograd)('mibun/autograd', () => {
      const load = () => importInPage<typeof Autograd>(page, autograd?.dist ?? '');

      it('seed part 3: backward fills x.grad with 3', async () => {
        const a = await load();
        const result = await a.evaluate((m) => {
          const x = m.tensor([1.0], { requiresGrad: true });
          const y = x.pow(2).add(x.mul(2)).mul(x.log());
          const before = x.grad;
          m.backward(y);
          return { before, y: String(y), grad: String(x.grad), item: x.grad?.item() };
        });
        // PyTorch 1.13: x = torch.tensor([1.], requires_grad=True); f(x).backward(); x.grad
        expect(result).toEqual({
          before: null,
          y: 'tensor([0.], grad_fn=<MulBackward0>)',
          grad: 'tensor([3.])',
          item: 3,
        });
      });

      it('seed part 3: two inputs, x.grad and y.grad of (x**2 + 2*x)*log(y)', async () => {
        const a = await load();
        const grads = await a.evaluate((m) => {
          const x = m.tensor([1.0], { requiresGrad: true });
          const y = m.tensor([2.0], { requiresGrad: true });
          m.backward(x.pow(2).add(x.mul(2)).mul(m.log(y)));
          return [x.grad?.item(), y.grad?.item()];
        });
        expect(grads[0]).toBeCloseTo(SEED_GRADIENT_XY[0] ?? NaN, 12);
        expect(grads[1]).toBeCloseTo(SEED_GRADIENT_XY[1] ?? NaN, 12);
      });
    });

    // The checks above would pass vacuously if the page hid failures; each of these modules
    // breaks the rules in one way, and the page must notice it.
    describe('the page notices code that is not browser-clean', () => {
      let fixtureRoot = '';
      let fixturePage: Page;
      const seen = noProblems();
      const load = (name: FixtureName) => importInPage(fixturePage, `dist/src/${name}`);
      const all = (p: PageProblems) => [...p.pageErrors, ...p.consoleErrors, ...p.refusedRequests];

      beforeAll(async () => {
        fixtureRoot = writeFixtureRoot();
        if (!browser) throw new Error('Chromium did not start; see the first error above.');
        fixturePage = await openLibraryPage(browser, fixtureRoot, seen);
      }, 120_000);

      afterAll(async () => {
        await fixturePage?.context().close();
        if (fixtureRoot) rmSync(fixtureRoot, { recursive: true, force: true });
      }, 60_000);

      afterEach(() => {
        seen.pageErrors = [];
        seen.consoleErrors = [];
        seen.refusedRequests = [];
      });

      it('a node: import fails to load', async () => {
        await expect(load('nodeImport.js')).rejects.toThrow(/Failed to fetch dynamically imported/);
        expect(all(seen).join('\n')).toMatch(/node:fs/);
      });

      it('a Node-only global at load time fails', async () => {
        await expect(load('nodeGlobal.js')).rejects.toThrow(/process is not defined/);
      });

      it('a bare (npm) import fails to resolve', async () => {
        await expect(load('bareImport.js')).rejects.toThrow(/Failed to resolve module specifier/);
      });

      it('an import outside dist/src is refused', async () => {
        await expect(load('outsideCore.js')).rejects.toThrow(/Failed to fetch/);
        expect(seen.refusedRequests).toEqual([`http://mibun.test/cli/main.js`]);
      });

      it('an error thrown after loading is recorded', async () => {
        await load('laterError.js');
        await expect.poll(() => seen.pageErrors.join('\n')).toMatch(/thrown after loading/);
      });

      it('a request to another origin is refused and recorded', async () => {
        const m = await load('strayRequest.js');
        expect(await m.evaluate((x) => (x as { done: Promise<unknown> }).done)).toBe('refused');
        expect(seen.refusedRequests).toEqual(['https://registry.npmjs.org/']);
      });
    });
  },
);
