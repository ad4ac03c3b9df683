// The verification pages give the verdict on the certificate first: what a person opening
// a certificate's QR sees in the first screen, on a phone and on a computer.
import assert from "node:assert/strict";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { assertAccessible, RESULTS_DIR } from "./browser.ts";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };
const VALID = "Certificato valido";

/**
 * At each size, opens `url` (a full load: only the fragment may differ) and checks that the
 * verdict region says `title`: it starts inside the first screen, and nothing green is on
 * the page but the verdict itself, when it is the valid one. Saves the first screen as
 * `results/{name}-{width}x{height}.png` (and the whole page, with the axe check).
 */
export async function assertVerdictFirst(page: Page, url: string, title: string, name: string) {
  const before = page.viewportSize();
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewportSize(size);
    await page.goto("about:blank");
    await page.goto(url);
    const verdict = page.getByRole("region", { name: "Esito della verifica" });
    await verdict.getByRole("heading", { level: 2, name: title }).waitFor();
    const box = await verdict.boundingBox();
    assert.ok(box && box.y >= 0 && box.y < size.height, `the verdict in the first screen: ${JSON.stringify(box)}`);
    const greens = await page.locator(".alert-success").evaluateAll((boxes) =>
      boxes.map((green) => ({
        top: green.getBoundingClientRect().top,
        verdict: green.closest("section")?.getAttribute("aria-label") === "Esito della verifica",
      })),
    );
    assert.ok(greens.every((g) => g.top >= box.y && g.verdict), `green boxes: ${JSON.stringify(greens)}`);
    assert.equal(greens.length, title === VALID ? 1 : 0, `only a valid verdict is green (${title})`);
    await page.screenshot({ path: join(RESULTS_DIR, `${name}-${size.width}x${size.height}.png`) });
    await assertAccessible(page, `${name}-${size.width}`);
  }
  if (before) await page.setViewportSize(before);
}
