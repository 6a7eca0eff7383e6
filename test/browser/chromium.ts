/**
 * Which Chromium the browser test drives, and how. Debian's package, never a browser that
 * Playwright downloads: CI machines reach only npm and Debian.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Headless, sandbox off (CI runs as root), and no background traffic to Google. */
const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const INSTALL_HINT =
  'install it with `DEBIAN_FRONTEND=noninteractive apt-get install -y chromium` (.ci/run does this)';

/**
 * Why the browser test cannot run here, or null when it can. Outside CI a missing Chromium
 * skips the test; in CI (process.env.CI set) it never skips, so a missing browser fails.
 */
export function chromiumSkipReason(): string | null {
  if (existsSync(CHROMIUM_PATH) || process.env.CI) return null;
  return `no Chromium at ${CHROMIUM_PATH}; ${INSTALL_HINT}`;
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`The browser test needs Chromium at ${CHROMIUM_PATH}: ${INSTALL_HINT}.`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: LAUNCH_ARGS, timeout: 60_000 });
}
