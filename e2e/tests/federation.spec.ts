// SPID and CIE login against the reference implementation of the Italian OpenID Connect
// Federation (tests/federation: the PyPI package spid-cie-oidc as trust anchor, SPID
// provider and CIE provider), with no mock in between: the citizen opens a private page,
// is sent to the login page, clicks "Entra con SPID", chooses the provider, logs in and
// consents at the provider's own pages, and lands on the page they wanted as the demo
// citizen; logging out ends the session (and revokes the provider's token). The same with
// "Entra con CIE". A tampered return to the portal ends on a page that explains it.
// 0 axe violations on the login page with the SPID chooser open and on the result pages.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { openBrowser, type Browser, assertAccessible, screenshot } from "../support/browser.ts";
import { startFederation, TEST_USER_PASSWORD, type Federation } from "../support/federation.ts";

let federation: Federation;
let browser: Browser;

before(async () => {
  federation = await startFederation();
  browser = await openBrowser();
  // The provider's pages load their theme's scripts from a CDN this network cannot reach.
  browser.onlyErrorsOf(federation.portal.baseUrl);
});

after(async () => {
  await browser?.close();
  await federation?.stop();
});

function heading(name: string | RegExp) {
  return browser.page.getByRole("heading", { level: 1, name });
}

/** The provider's own login and consent pages (spid-cie-oidc's templates). */
async function logInAtProvider() {
  const { page } = browser;
  await page.locator("#id_username").waitFor();
  await page.locator("#id_username").fill(federation.username);
  await page.locator("#id_password").fill(TEST_USER_PASSWORD);
  await page.locator("button#submit").click();
  await page.locator("button#agree").click();
}

async function logOut() {
  const { page } = browser;
  const banner = page.getByRole("banner");
  await banner.getByRole("button", { name: /menu dell'utente/ }).click();
  await banner.getByRole("button", { name: "Esci" }).click();
  await page.getByText(/Sei uscito dal portale/).waitFor();
}

describe("SPID and CIE login", () => {
  test("SPID: from a private page through the provider back to that page, as the demo citizen", async () => {
    const { page } = browser;
    const { portal } = federation;
    await page.goto(`${portal.baseUrl}/certificati`);
    await heading("Accedi ai servizi online").waitFor();
    const spid = page.getByRole("button", { name: "Entra con SPID" });
    await spid.click();
    const chooser = page.getByRole("menu", { name: "Scegli il tuo gestore di identità digitale SPID" });
    await chooser.waitFor();
    await assertAccessible(page, "login-spid-chooser");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "login-spid-chooser-phone");
    await page.setViewportSize({ width: 1280, height: 900 });
    await chooser.getByRole("menuitem", { name: "SPID di prova" }).click();

    await page.waitForURL(/127\.0\.0\.1:\d+\/oidc\/op\/authorization/);
    await screenshot(page, "spid-provider-login");
    await logInAtProvider();

    await page.waitForURL(`${portal.baseUrl}/certificati`);
    assert.ok(!page.url().includes("ticket"), "the ticket must not stay in the address");
    await heading("I miei certificati").waitFor();
    const banner = page.getByRole("banner");
    await banner.getByRole("button", { name: /menu dell'utente/ }).click();
    await banner.getByRole("link", { name: "Il tuo profilo" }).click();
    await page.getByText(federation.username).first().waitFor();
    await screenshot(page, "spid-logged-in-profile");
    await logOut();
  });

  test("CIE: the CIE button, the CIE provider's pages, the personal area, logout", async () => {
    const { page } = browser;
    const { portal } = federation;
    await page.goto("about:blank");
    await page.goto(`${portal.baseUrl}/accedi`);
    await page.getByRole("link", { name: "Entra con CIE" }).click();
    await page.waitForURL(/127\.0\.0\.1:\d+\/oidc\/op\/authorization/);
    await logInAtProvider();
    await page.waitForURL((url) => !url.pathname.startsWith("/accedi"));
    const banner = page.getByRole("banner");
    await banner.getByRole("button", { name: /menu dell'utente/ }).waitFor();
    await logOut();
  });

  test("a return with a used or made-up state ends on a page that says so, with the way back", async () => {
    const { page } = browser;
    const { portal } = federation;
    await page.goto(`${portal.baseUrl}/api/v1/auth/oidc/callback?code=abc&state=${"x".repeat(64)}`);
    await page.waitForURL(/\/accedi\/esito\?errore=login_expired/);
    await heading("Richiesta di accesso scaduta").waitFor();
    await page.getByRole("alert").waitFor();
    await assertAccessible(page, "login-result-expired");
    await page.getByRole("link", { name: "Torna all'accesso" }).click();
    await heading("Accedi ai servizi online").waitFor();
  });
});
