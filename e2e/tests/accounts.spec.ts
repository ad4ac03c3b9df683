// Accounts as people meet them: a citizen logs in, updates the profile and logs out; an
// operator's first login forces a new password (the rules shown as one types), then opens
// the counter identification and logs in again with the new password; a wrong password is
// explained; a visitor registers, is told to come to the counter, is activated there by the
// operator and chooses a new password at the first login (the temporary one read from the
// e-mail the demo delivers as a file), then logs out and in again with it. 0 axe violations (WCAG 2.1 AA)
// on the login, registration, password change, profile and back office pages.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { openBrowser, type Browser, assertAccessible as checkAccessible } from "../support/browser.ts";
import { waitForMail } from "../support/mail.ts";
import { submitLoginForm } from "../support/login.ts";
import { startPortal, type Portal } from "../support/portal.ts";
import type { Locator } from "playwright-core";

let portal: Portal;
let browser: Browser;
/** Set by the operator's first login; the tests of this file run in order. */
const OPERATOR_PASSWORD = "Sportello2026";

before(async () => {
  portal = await startPortal();
  browser = await openBrowser();
});

after(async () => {
  await browser?.close();
  await portal?.stop();
});

const assertAccessible = (name: string) => checkAccessible(browser.page, name);

/** Waits until the locator matches `expected` elements (the page updates as one types). */
async function countOf(locator: Locator, expected: number) {
  const deadline = Date.now() + 5_000;
  let count = await locator.count();
  while (count !== expected && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    count = await locator.count();
  }
  assert.equal(count, expected);
}

function heading(name: string | RegExp) {
  return browser.page.getByRole("heading", { level: 1, name });
}

async function logIn(identifier: string, password: string, staff = false) {
  await submitLoginForm(browser.page, portal.baseUrl, { identifier, password, staff });
}

/** The temporary password, as the registration e-mail gives it. */
async function temporaryPasswordMailedTo(address: string): Promise<string> {
  const mail = await waitForMail(portal.dataDir, address);
  assert.match(mail.subject, /registrazione al Portale dei Servizi Demografici/);
  const password = /Password provvisoria: (\S+)/.exec(mail.text)?.[1];
  assert.ok(password, `no password in the mail:\n${mail.text}`);
  return password;
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
    await page.getByRole("textbox", { name: /Identificativo utente/ }).waitFor();
    await assertAccessible("login");
  });

  test("password recovery: the request and the page the e-mailed link opens are accessible", async () => {
    const { page } = browser;
    await page.goto(`${portal.baseUrl}/accedi`);
    await page.getByRole("link", { name: "Recupera la password" }).click();
    await heading("Recupera la password").waitFor();
    await page.getByRole("textbox", { name: /Identificativo utente/ }).fill(portal.credentials.citizen2.fiscal_code);
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
    // Back to the private page just left: it says the session is closed and offers the login.
    await page.goBack();
    await heading("Sessione chiusa").waitFor();
    await assertAccessible("back-after-logout");
    await page.getByRole("link", { name: "Accedi di nuovo" }).click();
    await heading("Accedi ai servizi online").waitFor();
    await page.getByText("Per aprire la pagina richiesta occorre prima accedere.").waitFor();
  });
});

describe("operator", () => {
  test("changes the password at the first login, opens the back office, logs in again with it", async () => {
    const { page } = browser;
    const { operator } = portal.credentials;
    await logIn(operator.username, operator.password);

    await heading("Scegli una nuova password").waitFor();
    await page.getByText("Al primo accesso è necessario scegliere una nuova password").waitFor();
    const rules = page.getByRole("list", { name: "La nuova password deve:" });
    await rules.waitFor();
    await countOf(rules.locator(".rule-met"), 0);
    await assertAccessible("change-password-forced");

    const newPassword = OPERATOR_PASSWORD;
    await page.getByLabel(/^Password attuale/).fill(operator.password);
    await page.getByLabel(/^Nuova password/).fill("corta1");
    // Letters and digits only, and a letter: met; length and two digits: not yet.
    await countOf(rules.locator(".rule-met"), 2);
    await page.getByLabel(/^Nuova password/).fill(newPassword);
    await countOf(rules.locator(".rule-met"), 4);
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
    await logIn(operator.username, newPassword);
    await heading("Identificazione allo sportello").waitFor();
    assert.match(page.url(), /\/backoffice$/);
    await logOut(/operatore/);
  });
});

describe("registration and counter identification", () => {
  test("a visitor registers, the operator identifies the person at the counter, the citizen logs in", async () => {
    const { page } = browser;
    const fiscalCode = "BNCLRA90A41H501F";
    await page.goto(`${portal.baseUrl}/accedi`);
    await page.getByRole("link", { name: "Registrati al portale" }).click();
    await heading("Registrazione al portale").waitFor();
    await page.getByText("Verifica completata.").waitFor({ timeout: 30_000 });
    await assertAccessible("registration");

    await page.getByRole("textbox", { name: /^Cognome/ }).fill("Bianchi");
    await page.getByRole("textbox", { name: /^Nome/ }).fill("Laura");
    await page.locator("label", { hasText: "Femminile" }).click();
    await page.getByLabel(/^Data di nascita/).fill("1990-01-01");
    await page.locator("label", { hasText: "In Italia" }).click();
    await page.getByRole("searchbox", { name: /Comune di nascita/ }).fill("Roma");
    await page.getByRole("button", { name: "Roma (RM)" }).click();
    await page.getByRole("button", { name: "Cambia" }).waitFor();
    await page.getByRole("textbox", { name: /^Codice fiscale/ }).fill(fiscalCode.toLowerCase());
    await page.getByRole("textbox", { name: /^Indirizzo e-mail/ }).fill("laura.bianchi@example.org");
    await assertAccessible("registration-filled");
    await page.getByRole("button", { name: "Invia la registrazione" }).click();
    await page.getByRole("heading", { name: "Registrazione ricevuta" }).waitFor();
    await page.getByText(/presentarsi allo Sportello Unico/).waitFor();
    await assertAccessible("registration-done");

    // Before the counter: the login explains what to do.
    const temporary = await temporaryPasswordMailedTo("laura.bianchi@example.org");
    browser.expectConsoleError(/status of 403/);
    await logIn(fiscalCode, temporary);
    const alert = page.getByRole("alert");
    await alert.getByText("Account in attesa di identificazione").waitFor();
    await alert.getByRole("link", { name: "Orari di apertura e recapiti dello Sportello" }).waitFor();
    await assertAccessible("login-pending");

    // At the counter.
    await logIn(portal.credentials.operator.username, OPERATOR_PASSWORD);
    await heading("Identificazione allo sportello").waitFor();
    await page.getByRole("searchbox", { name: "Codice fiscale o cognome" }).fill("Bianchi");
    await page.getByRole("button", { name: "Cerca", exact: true }).click();
    await page.getByRole("button", { name: "Identifica Bianchi Laura" }).click();
    const panel = page.getByRole("region", { name: "Identificazione di Bianchi Laura" });
    await panel.getByLabel(/Tipo di documento/).selectOption("carta_identita_elettronica");
    await panel.getByLabel(/Numero del documento/).fill("CA12345AB");
    await panel.getByLabel(/Data di scadenza/).fill("2031-05-20");
    await assertAccessible("backoffice-identification");
    await panel.getByRole("button", { name: "Attiva account" }).click();
    await page.getByText(`L'account di Bianchi Laura (${fiscalCode}) è stato attivato`, { exact: false }).waitFor();
    await assertAccessible("backoffice-activated");
    await logOut(/operatore/);

    // The citizen's first login: a new password first.
    await logIn(fiscalCode, temporary);
    await heading("Scegli una nuova password").waitFor();
    await page.getByLabel(/^Password attuale/).fill(temporary);
    await page.getByLabel(/^Nuova password/).fill("Valdoria2031");
    await page.getByLabel(/^Conferma la nuova password/).fill("Valdoria2031");
    await page.getByRole("button", { name: "Salva la nuova password" }).click();
    await page.getByText(/La nuova password è stata salvata/).waitFor();
    await heading("Servizi online dell'Anagrafe").waitFor();
    await logOut(/Bianchi Laura/);

    // And from now on with the password chosen.
    await logIn(fiscalCode, "Valdoria2031");
    await heading("Servizi online dell'Anagrafe").waitFor();
    await page.getByRole("banner").getByRole("button", { name: /Bianchi Laura/ }).waitFor();
    await logOut(/Bianchi Laura/);
  });
});

describe("residents-only services", () => {
  test("a citizen who is not resident sees them closed, with the reason", async () => {
    const { page } = browser;
    const { nonresident } = portal.credentials;
    await logIn(nonresident.fiscal_code, nonresident.password);
    await heading("Scegli una nuova password").waitFor();
    await page.getByLabel(/^Password attuale/).fill(nonresident.password);
    await page.getByLabel(/^Nuova password/).fill("Forestiero2026");
    await page.getByLabel(/^Conferma la nuova password/).fill("Forestiero2026");
    await page.getByRole("button", { name: "Salva la nuova password" }).click();
    await heading("Servizi online dell'Anagrafe").waitFor();
    await page.getByRole("heading", { level: 2, name: "Non risulti residente nel Comune" }).waitFor();
    const family = page.locator("article", { has: page.getByRole("heading", { level: 3, name: "Scheda persona e stato di famiglia" }) }).first();
    await family.getByText("Riservato ai residenti").waitFor();
    await family.getByText(/riservato ai cittadini residenti nel Comune/).waitFor();
    assert.equal(await family.getByRole("link").count(), 0);
    await assertAccessible("home-nonresident");
    await logOut(/menu dell'utente/);
  });
});
