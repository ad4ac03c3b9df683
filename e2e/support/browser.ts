// Debian's Chromium driven by playwright-core, with the flags this closed network needs,
// an axe-core check at WCAG 2.1 AA, and screenshots saved under results/.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const RESULTS_DIR = join(import.meta.dirname, "..", "results");

export interface Browser {
  context: BrowserContext;
  page: Page;
  /**
   * Allows one console error matching `pattern`: Chromium logs every 4xx answer as an
   * error ("Failed to load resource: … 401"), also the ones a test provokes on purpose.
   */
  expectConsoleError(pattern: RegExp): void;
  /**
   * Counts only the errors of pages at `origin`: another site the test passes through (an
   * identity provider's pages) answers for its own.
   */
  onlyErrorsOf(origin: string): void;
  close(): Promise<void>;
}

export async function openBrowser(locale = "it-IT"): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "portale-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    locale,
    viewport: { width: 1280, height: 900 },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  const expected: RegExp[] = [];
  let ownOrigin: string | undefined;
  const elsewhere = () => ownOrigin !== undefined && !page.url().startsWith(ownOrigin);
  page.on("pageerror", (error) => {
    if (!elsewhere()) problems.push(`page error: ${error.message}`);
  });
  page.on("console", (message) => {
    if (message.type() !== "error" || elsewhere()) return;
    const text = message.text();
    const allowed = expected.findIndex((pattern) => pattern.test(text));
    if (allowed >= 0) expected.splice(allowed, 1);
    else problems.push(`console error: ${text}`);
  });
  return {
    context,
    page,
    expectConsoleError(pattern: RegExp) {
      expected.push(pattern);
    },
    onlyErrorsOf(origin: string) {
      ownOrigin = origin;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      if (problems.length > 0) throw new Error(`the page reported errors:\n${problems.join("\n")}`);
    },
  };
}

/** The WCAG 2.1 A and AA rules; returns the violations, formatted for an assertion message. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}

/** Saves the page's screenshot as `name`, then fails with its axe violations (WCAG 2.1 AA), if any. */
export async function assertAccessible(page: Page, name: string): Promise<void> {
  const violations = await accessibilityViolations(page);
  await screenshot(page, name);
  assert.deepEqual(violations, [], `axe violations on ${name}`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: join(RESULTS_DIR, `${name}.png`), fullPage: true });
}
