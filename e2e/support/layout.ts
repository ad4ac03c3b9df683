// What a person sees of a page: nothing of it should need sideways scrolling, and no
// button or link of the main content may be cut off — by the window, or by a box that
// hides (or scrolls) what sticks out of it. Used by the layout tour and by any spec that
// wants to check a page at a given window size.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";

/** The check itself, run in the page. */
const IN_PAGE = readFileSync(new URL("./layout.browser.js", import.meta.url), "utf8");

/** The controls a person acts on. */
const CONTROLS = [
  "a[href]",
  "button",
  "summary",
  "input[type=submit]",
  "input[type=button]",
  "[role=button]",
  "[role=link]",
  "[role=tab]",
].join(", ");

/**
 * Everything that is cut or sticks out on the page as it is now, one sentence each
 * naming the element; an empty list when the page fits. `scope` is where controls are
 * checked (the main content by default); the sideways scrolling is of the whole page.
 */
export async function layoutProblems(page: Page, scope = "main"): Promise<string[]> {
  const problems: unknown = await page.evaluate(`(${IN_PAGE})(${JSON.stringify({ scope, controls: CONTROLS })})`);
  return problems as string[];
}

/** Fails naming `where` (page, role, window size) and every control cut, if anything is. */
export async function assertNothingCut(page: Page, where: string, scope = "main"): Promise<void> {
  const problems = await layoutProblems(page, scope);
  assert.deepEqual(problems, [], `${where}: something is cut or scrolls sideways:\n  ${problems.join("\n  ")}`);
}
