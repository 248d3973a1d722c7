/** Shared by the report tests: the CLI in-process, temporary repositories, Chromium, and where artifacts go. */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';

export const ROOT = resolve(__dirname, '..', '..');
export const SAMPLES = join(ROOT, 'samples');
export const TODAY = '2026-11-25';
/** Screenshots and rendered pages, for a person to look at; gitignored. */
export const ARTIFACTS = join(ROOT, 'test-results', 'report');
export const CHROMIUM = process.env.DENSHO_TEST_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Titles that would run code if any renderer forgot to escape. */
export const HOSTILE_TITLES = [
  '<img src=x onerror=alert(1)>',
  '</script><script>window.__pwned=1</script>',
  '"><svg onload=alert(1)>',
  "' onmouseover='alert(1)",
  '</style><script>alert(1)</script>',
  '<!--',
  'line\u2028separator\u2029end &amp;',
];

/** The CLI in-process (test/support/cli.ts), from the project root by default. */
export { runDensho as cli } from '../support/cli';

export function tempDir(prefix = 'densho-report-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): string {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

export function artifactsDir(): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return ARTIFACTS;
}

/** Chromium is required, not optional: CI installs it, and a missing browser must fail loudly rather than skip. */
export async function launchChromium(): Promise<Browser> {
  assert.ok(
    existsSync(CHROMIUM),
    `Chromium is not installed at ${CHROMIUM}: these tests need it (apt-get install chromium, or set DENSHO_TEST_CHROMIUM). They fail rather than skip so CI cannot pass without them.`,
  );
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
