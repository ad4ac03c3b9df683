// The foundation as a visitor meets it: the service catalogue, the language switch, the
// information pages, the codice fiscale tool, client-side routes that survive a reload,
// and Swagger UI — with 0 axe violations (WCAG 2.1 AA) on every page of the SPA.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { openBrowser, screenshot, type Browser, assertAccessible as checkAccessible } from "../support/browser.ts";
import { startPortal, type Portal } from "../support/portal.ts";

let portal: Portal;
let browser: Browser;

before(async () => {
  portal = await startPortal();
  browser = await openBrowser();
});

after(async () => {
  await browser?.close();
  await portal?.stop();
});

async function open(path: string, heading: string | RegExp) {
  const { page } = browser;
  await page.goto(`${portal.baseUrl}${path}`);
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  return page;
}

const assertAccessible = (name: string) => checkAccessible(browser.page, name);

describe("home page", () => {
  test("shows the service catalogue grouped by thematic area", async () => {
    const page = await open("/", "Servizi online dell'Anagrafe");
    for (const area of ["Anagrafe e stato civile", "Servizi elettorali", "Infanzia e istruzione", "Appuntamenti"]) {
      await page.getByRole("heading", { level: 2, name: area }).waitFor();
    }
    await page.getByRole("heading", { name: "Scheda persona e stato di famiglia" }).waitFor();
    assert.ok((await page.getByText("Solo residenti").count()) >= 3, "residents-only services are marked");
    assert.equal(await page.getByRole("banner").getByText("Comune di Valdoria").count(), 1);
    await assertAccessible("home-it");
  });

  test("announced services are not links; available ones lead to their page", async () => {
    const page = await open("/", "Servizi online dell'Anagrafe");
    assert.equal(await page.getByRole("link", { name: /Albo dei presidenti di seggio/i }).count(), 0);
    await page.getByText(/Albo dei presidenti di seggio/i).first().waitFor();
    assert.equal(await page.getByRole("main").getByRole("link", { name: /Cambio di residenza/ }).count(), 1);
    await page.getByRole("main").getByRole("link", { name: /Verifica del codice fiscale/ }).click();
    await page.getByRole("heading", { level: 1, name: "Verifica codice fiscale" }).waitFor();
    assert.match(page.url(), /\/strumenti\/codice-fiscale$/);
  });

  test("the language switch turns the portal into English and back, and is remembered", async () => {
    const page = await open("/", "Servizi online dell'Anagrafe");
    await page.getByRole("button", { name: /EN/ }).click();
    await page.getByRole("heading", { level: 1, name: "Online registry services" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Registry and civil status" }).waitFor();
    assert.equal(await page.getAttribute("html", "lang"), "en");
    await assertAccessible("home-en");

    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Online registry services" }).waitFor();
    await page.getByRole("button", { name: /IT/ }).click();
    await page.getByRole("heading", { level: 1, name: "Servizi online dell'Anagrafe" }).waitFor();
    assert.equal(await page.getAttribute("html", "lang"), "it");
  });
});

describe("information pages", () => {
  const pages: Array<[string, string, string]> = [
    ["/come-accedere", "Come accedere", "how-to-access"],
    ["/aiuto", "Aiuto e domande frequenti", "help"],
    ["/contatti", "Contatti", "contacts"],
    ["/privacy", "Informativa sul trattamento dei dati personali", "privacy"],
    ["/accessibilita", "Dichiarazione di accessibilità", "accessibility"],
    ["/note-legali", "Note legali", "legal-notes"],
    ["/non-esiste", "Pagina non trovata", "not-found"],
  ];
  for (const [path, heading, name] of pages) {
    test(`${path} opens directly (SPA fallback) and is accessible`, async () => {
      await open(path, heading);
      await assertAccessible(name);
    });
  }

  test("the contacts page shows the office and its opening hours from the API", async () => {
    const page = await open("/contatti", "Contatti");
    await page.getByText("Piazza del Municipio, 1").filter({ visible: true }).first().waitFor();
    await page.getByRole("rowheader", { name: "Martedì" }).waitFor();
    await page.getByRole("cell", { name: /08:30.12:30 e 14:30.17:00/ }).first().waitFor();
  });

  test("the footer links to the privacy notice and the accessibility statement", async () => {
    const page = await open("/", "Servizi online dell'Anagrafe");
    const footer = page.getByRole("contentinfo");
    await footer.getByRole("link", { name: "Dichiarazione di accessibilità" }).click();
    await page.getByRole("heading", { level: 1, name: "Dichiarazione di accessibilità" }).waitFor();
    await page.getByRole("contentinfo").getByRole("link", { name: "Informativa privacy" }).click();
    await page.getByRole("heading", { level: 1, name: "Informativa sul trattamento dei dati personali" }).waitFor();
  });
});

describe("codice fiscale tool", () => {
  test("decodes a valid code", async () => {
    const page = await open("/strumenti/codice-fiscale", "Verifica codice fiscale");
    await page.getByRole("textbox", { name: "Codice fiscale" }).fill("rssmra 85t10 h501o");
    await page.getByRole("button", { name: "Verifica", exact: true }).click();
    await page.getByText("Il codice fiscale RSSMRA85T10H501O è formalmente corretto.").waitFor();
    await page.getByText("Roma").first().waitFor();
    await assertAccessible("fiscal-code-valid");
  });

  test("explains an invalid code next to the field", async () => {
    const page = await open("/strumenti/codice-fiscale", "Verifica codice fiscale");
    const field = page.getByRole("textbox", { name: "Codice fiscale" });
    await field.fill("RSSMRA85T10H501Z");
    await page.getByRole("button", { name: "Verifica", exact: true }).click();
    await page.getByText(/atteso O, indicato Z/).first().waitFor();
    assert.equal(await field.getAttribute("aria-invalid"), "true");
    await assertAccessible("fiscal-code-invalid");
  });
});

describe("API documentation", () => {
  test("Swagger UI renders the OpenAPI document without internet", async () => {
    const { page } = browser;
    await page.goto(`${portal.baseUrl}/api/docs/`);
    await page.getByText("Portale dei Servizi Demografici", { exact: false }).first().waitFor();
    await page.getByText("/api/v1/codice-fiscale/validate").first().waitFor();
    await screenshot(page, "swagger-ui");
    const spec = await (await fetch(`${portal.baseUrl}/api/openapi.json`)).json();
    assert.equal(spec.openapi, "3.1.0");
  });

  test("the demo credentials follow API.md", () => {
    const { citizen, citizen2, nonresident, operator, admin, base_url } = portal.credentials;
    assert.equal(base_url, portal.baseUrl);
    for (const person of [citizen, citizen2, nonresident]) assert.match(person.fiscal_code, /^[A-Z0-9]{16}$/);
    assert.ok(citizen.person_id && citizen2.person_id);
    assert.ok(operator.username && operator.password && admin.username && admin.password);
  });
});
