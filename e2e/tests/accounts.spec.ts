// Accounts as people meet them: a citizen logs in, updates the profile and logs out; an
// operator's first login forces a new password (the rules shown as one types), then opens
// the counter identification and logs in again with the new password; a wrong password is
// explained. 0 axe violations (WCAG 2.1 AA) on the login, password change, profile and
// back office pages.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { accessibilityViolations, openBrowser, screenshot, type Browser } from "../support/browser.ts";
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

async function assertAccessible(name: string) {
  const violations = await accessibilityViolations(browser.page);
  await screenshot(browser.page, name);
  assert.deepEqual(violations, [], `axe violations on ${name}`);
}

function heading(name: string | RegExp) {
  return browser.page.getByRole("heading", { level: 1, name });
}

async function logIn(identifier: string, password: string, staff = false) {
  const { page } = browser;
  await page.goto(`${portal.baseUrl}/accedi${staff ? "?tipo=operatore" : ""}`);
  await heading(staff ? "Accesso operatori" : "Accedi ai servizi online").waitFor();
  await page.getByRole("textbox", { name: staff ? /Nome utente/ : /Codice fiscale/ }).fill(identifier);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole("button", { name: "Accedi", exact: true }).click();
}

async function logOut(name: RegExp) {
  const { page } = browser;
  const banner = page.getByRole("banner");
  await banner.getByRole("button", { name }).click();
  await banner.getByRole("button", { name: "Esci" }).click();
  await page.getByText(/Sei uscito dal portale/).waitFor();
  await banner.getByRole("link", { name: "Accedi" }).waitFor();
}

describe("citizen", () => {
  test("the login page shows the caller's address and the logging notice, and is accessible", async () => {
    const { page } = browser;
    await page.goto(`${portal.baseUrl}/accedi`);
    await heading("Accedi ai servizi online").waitFor();
    await page.getByText("Il tuo indirizzo IP è 127.0.0.1.").waitFor();
    await page.getByText(/Gli accessi al portale sono registrati/).waitFor();
    await assertAccessible("login");
    await page.getByRole("link", { name: "Accesso operatori" }).click();
    await heading("Accesso operatori").waitFor();
    await assertAccessible("login-staff");
  });

  test("password recovery: the request and the page the e-mailed link opens are accessible", async () => {
    const { page } = browser;
    await page.goto(`${portal.baseUrl}/accedi`);
    await page.getByRole("link", { name: "Recupera la password" }).click();
    await heading("Recupera la password").waitFor();
    await page.getByRole("textbox", { name: /Codice fiscale/ }).fill(portal.credentials.citizen2.fiscal_code);
    await page.getByRole("textbox", { name: /Indirizzo e-mail/ }).fill("nessuno@example.org");
    await page.getByRole("button", { name: "Invia il collegamento" }).click();
    await page.getByText(/Se i dati corrispondono a un account attivo/).waitFor();
    await assertAccessible("recover-password");
    await page.goto(`${portal.baseUrl}/reimposta-password?token=prova`);
    await heading("Scegli una nuova password").waitFor();
    await assertAccessible("reset-password");
  });

  test("a wrong password is refused with the server's explanation", async () => {
    const { page } = browser;
    browser.expectConsoleError(/status of 401/);
    await logIn(portal.credentials.citizen2.fiscal_code, "Sbagliata99");
    const alert = page.getByRole("alert");
    await alert.getByText("Accesso non riuscito").waitFor();
    await alert.getByText(/Credenziali non valide/).waitFor();
    assert.match((await alert.textContent()) ?? "", /Codice della richiesta/);
    assert.match(page.url(), /\/accedi$/);
    await assertAccessible("login-wrong-password");
  });

  test("logs in, changes the phone number in the profile, and logs out", async () => {
    const { page } = browser;
    const { citizen } = portal.credentials;
    await logIn(citizen.fiscal_code, citizen.password);
    const banner = page.getByRole("banner");
    const menu = banner.getByRole("button", { name: /menu dell'utente/ });
    await menu.waitFor();
    await menu.click();
    await banner.getByRole("link", { name: "Il tuo profilo" }).click();
    await heading("Modifica il tuo profilo").waitFor();
    await page.getByText(citizen.fiscal_code, { exact: true }).waitFor();
    assert.equal(await page.getByRole("textbox", { name: /Codice fiscale|Cognome/ }).count(), 0, "identity is read-only");
    await assertAccessible("profile");

    const phone = page.getByRole("textbox", { name: "Telefono" });
    await phone.fill("+39 0123 987654");
    await page.getByRole("button", { name: "Salva le modifiche" }).click();
    await page.getByText("Le modifiche sono state salvate.").waitFor();
    await assertAccessible("profile-saved");

    // A reload keeps the session (refresh cookie) and shows the saved number.
    await page.reload();
    await heading("Modifica il tuo profilo").waitFor();
    await page.getByRole("textbox", { name: "Telefono" }).and(page.locator('[value="+39 0123 987654"]')).waitFor();

    await logOut(/menu dell'utente/);
    await page.goto(`${portal.baseUrl}/profilo`);
    await page.getByText("Per aprire la pagina richiesta occorre prima accedere.").waitFor();
  });
});

describe("operator", () => {
  test("changes the password at the first login, opens the back office, logs in again with it", async () => {
    const { page } = browser;
    const { operator } = portal.credentials;
    await logIn(operator.username, operator.password, true);

    await heading("Scegli una nuova password").waitFor();
    await page.getByText("Al primo accesso è necessario scegliere una nuova password").waitFor();
    const rules = page.getByRole("list", { name: "La nuova password deve:" });
    await rules.waitFor();
    assert.equal(await rules.locator(".rule-met").count(), 0);
    await assertAccessible("change-password-forced");

    const newPassword = "Sportello2026";
    await page.getByLabel(/^Password attuale/).fill(operator.password);
    await page.getByLabel(/^Nuova password/).fill("corta1");
    assert.equal(await rules.locator(".rule-met").count(), 2, "letters-and-digits and a letter");
    await page.getByLabel(/^Nuova password/).fill(newPassword);
    assert.equal(await rules.locator(".rule-met").count(), 4);
    await page.getByLabel(/^Conferma la nuova password/).fill(newPassword);
    await assertAccessible("change-password-filled");
    await page.getByRole("button", { name: "Salva la nuova password" }).click();

    await heading("Identificazione allo sportello").waitFor();
    await page.getByText(/La nuova password è stata salvata/).waitFor();
    await page.getByText("Nessun account in attesa di identificazione").waitFor();
    await assertAccessible("backoffice-pending");

    await page.getByRole("link", { name: "Attivi" }).click();
    const table = page.getByRole("table", { name: /account attiv/ });
    await table.waitFor();
    await table.getByText(portal.credentials.citizen.fiscal_code).waitFor();
    await assertAccessible("backoffice-active");

    await logOut(/operatore/);
    await logIn(operator.username, newPassword, true);
    await heading("Identificazione allo sportello").waitFor();
    assert.match(page.url(), /\/backoffice$/);
    await logOut(/operatore/);
  });
});
