// The back office as the municipality's administrator runs it: after the first login's
// password change the administrator lands on the users, creates a group that may read
// the outgoing mail and the audit log, gives it to the demo operator, locks and unlocks a
// citizen; the audit log shows these events (filtered by action), exports them as CSV and
// finds its chain intact; the outbox lists the mail the demo sent. The operator then sees
// the sections the new group opens, and no others. 0 axe violations (WCAG 2.1 AA) on
// every back-office page. Last, the administrator creates an operator's account; the
// operator sets the password from the invitation e-mail's link and logs in.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { openBrowser, type Browser, assertAccessible as checkAccessible } from "../support/browser.ts";
import { staffAccount, submitLoginForm } from "../support/login.ts";
import { waitForMail } from "../support/mail.ts";
import { startPortal, type Portal } from "../support/portal.ts";
import type { Locator } from "playwright-core";

let portal: Portal;
let browser: Browser;
const GROUP = "Controllo posta";
const CITIZEN_EMAIL = "cittadino.demo@example.org";

before(async () => {
  portal = await startPortal();
  browser = await openBrowser();
  await sendDemoMail();
});

after(async () => {
  try {
    await browser?.close();
  } finally {
    await portal?.stop();
  }
});

const assertAccessible = (name: string) => checkAccessible(browser.page, name);

function heading(name: string | RegExp) {
  return browser.page.getByRole("heading", { level: 1, name });
}

function sections() {
  return browser.page.getByRole("navigation", { name: "Back office" });
}

/** A JSON call to the API, outside the browser (to arrange what the test needs). */
async function call<T>(path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`${portal.baseUrl}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: {
      "content-type": "application/json",
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  assert.ok(response.ok, `${path}: HTTP ${response.status} ${await response.clone().text()}`);
  return (await response.json()) as T;
}

/** The demo citizen gives an e-mail address and asks for a password reset: one mail out. */
async function sendDemoMail() {
  const { citizen } = portal.credentials;
  const session = await call<{ access_token: string }>("/api/v1/auth/login", {
    body: { fiscal_code: citizen.fiscal_code, password: citizen.password },
  });
  await call("/api/v1/me", { method: "PATCH", token: session.access_token, body: { email: CITIZEN_EMAIL } });
  await call("/api/v1/auth/password-reset", { body: { fiscal_code: citizen.fiscal_code, email: CITIZEN_EMAIL } });
}

async function logIn(username: string, password: string) {
  await submitLoginForm(browser.page, portal.baseUrl, staffAccount({ username, password }));
}

async function changePassword(current: string, next: string) {
  const { page } = browser;
  await heading("Scegli una nuova password").waitFor();
  await page.getByLabel(/^Password attuale/).fill(current);
  await page.getByLabel(/^Nuova password/).fill(next);
  await page.getByLabel(/^Conferma la nuova password/).fill(next);
  await page.getByRole("button", { name: "Salva la nuova password" }).click();
}

/** Ticks a check box by its label, as a person does: Bootstrap Italia draws the box there. */
async function tick(scope: Locator, label: string) {
  await scope.locator("label", { hasText: label }).click();
  assert.ok(await scope.getByRole("checkbox", { name: label }).isChecked(), `${label} ticked`);
}

/** Searches, opens the one account found, and returns its record and the name it shows. */
async function openUserRecord(search: string) {
  const { page } = browser;
  await page.getByRole("searchbox", { name: "Codice fiscale, nome utente o cognome" }).fill(search);
  await page.getByRole("button", { name: "Cerca", exact: true }).click();
  const table = page.getByRole("table", { name: "1 utente corrispondente alla ricerca" });
  await table.getByRole("button", { name: /^Apri la scheda/ }).click();
  const record = page.getByRole("region", { name: /^Scheda di / });
  await record.waitFor();
  const name = ((await record.getByRole("heading").first().textContent()) ?? "").replace("Scheda di ", "");
  return { record, name };
}

async function filterByAction(label: string) {
  const { page } = browser;
  await page.getByRole("combobox", { name: "Azione" }).selectOption({ label });
  await page.getByRole("button", { name: "Applica i filtri" }).click();
  const table = page.getByRole("table", { name: /corrispondent[ei] ai filtri/ });
  await table.waitFor();
  return table;
}

describe("administrator", () => {
  test("changes the password at the first login and lands on the users, with every section", async () => {
    const { admin } = portal.credentials;
    await logIn(admin.username, admin.password);
    await changePassword(admin.password, "Amministra2026");
    await heading("Profilazione utenti").waitFor();
    const links = await sections().getByRole("link").allTextContents();
    assert.deepEqual(links, [
      "Identificazione allo sportello",
      "Pratiche online",
      "Agenda appuntamenti",
      "Sportelli",
      "Certificati rilasciati",
      "Utenti",
      "Gruppi e permessi",
      "Applicazioni",
      "Webhook",
      "Registro degli accessi",
      "Posta in uscita",
    ]);
    await browser.page.getByRole("table", { name: /utenti/ }).waitFor();
    await assertAccessible("backoffice-users");
  });

  test("creates a group with some permissions", async () => {
    const { page } = browser;
    await sections().getByRole("link", { name: "Gruppi e permessi" }).click();
    await heading("Gruppi e permessi").waitFor();
    await page.getByRole("table", { name: "2 gruppi" }).waitFor();
    await assertAccessible("backoffice-groups");

    await page.getByRole("button", { name: "Nuovo gruppo" }).click();
    const form = page.getByRole("region", { name: "Nuovo gruppo" });
    await form.getByRole("textbox", { name: /Nome del gruppo/ }).fill(GROUP);
    await form.getByRole("textbox", { name: "Descrizione" }).fill("Verifica delle consegne di posta");
    await tick(form, "Consultazione della posta in uscita");
    await tick(form, "Consultazione del registro delle operazioni");
    await assertAccessible("backoffice-group-form");
    await form.getByRole("button", { name: "Crea il gruppo" }).click();
    await page.getByText(`Il gruppo «${GROUP}» è stato creato.`).waitFor();
    const row = page.getByRole("table", { name: "3 gruppi" }).getByRole("row", { name: new RegExp(GROUP) });
    await row.getByText("Consultazione della posta in uscita").waitFor();
    await assertAccessible("backoffice-group-created");
  });

  test("assigns the group to the demo operator", async () => {
    const { page } = browser;
    await sections().getByRole("link", { name: "Utenti" }).click();
    await heading("Profilazione utenti").waitFor();
    const { record, name } = await openUserRecord("operatore");
    assert.equal(name, "Operatore Demo");
    await tick(record, GROUP);
    await record.getByRole("button", { name: "Salva i gruppi" }).click();
    await record.getByText("I gruppi di Operatore Demo sono stati aggiornati.").waitFor();
    await page.getByRole("row", { name: /Operatore Demo/ }).getByText(GROUP).waitFor();
    await assertAccessible("backoffice-user-groups");
  });

  test("locks a citizen, who can no longer log in, then unlocks the account", async () => {
    const { page } = browser;
    const { citizen2 } = portal.credentials;
    const { record } = await openUserRecord(citizen2.fiscal_code);
    await record.getByRole("button", { name: "Blocca l'account" }).click();
    await record.getByRole("group", { name: /Vuoi bloccare l'account/ }).waitFor();
    await assertAccessible("backoffice-lock-question");
    await record.getByRole("button", { name: "Sì, blocca l'account" }).click();
    await record.getByText(/è stato bloccato e le sue sessioni sono terminate/).waitFor();
    await assertAccessible("backoffice-user-locked");

    browser.expectConsoleError(/status of 403/);
    const refused = await fetch(`${portal.baseUrl}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ fiscal_code: citizen2.fiscal_code, password: citizen2.password }),
    });
    assert.equal(refused.status, 403);
    assert.equal(((await refused.json()) as { code: string }).code, "account_locked");

    await record.getByRole("button", { name: "Sblocca l'account" }).click();
    await record.getByText(/è stato sbloccato/).waitFor();
    await page.getByRole("row", { name: new RegExp(citizen2.fiscal_code) }).getByText("Attivo").waitFor();
  });

  test("the audit log shows these events: those of the account, then by action", async () => {
    const { page } = browser;
    // From the citizen's record, still open: the log filtered on that account.
    await page.getByRole("link", { name: "Operazioni registrate su questo account" }).click();
    await heading("Registro degli accessi").waitFor();
    const ofAccount = page.getByRole("table", { name: /corrispondent[ei] ai filtri/ });
    await ofAccount.getByRole("cell", { name: "Utenza bloccata" }).waitFor();
    await ofAccount.getByRole("cell", { name: "Utenza sbloccata" }).waitFor();
    await assertAccessible("backoffice-audit-log-account");

    await page.getByRole("button", { name: "Azzera i filtri" }).click();
    await page.getByRole("table", { name: /operazioni registrate/ }).waitFor();
    await assertAccessible("backoffice-audit-log");
    for (const label of ["Utenza bloccata", "Utenza sbloccata", "Gruppo creato", "Gruppi dell'utenza modificati"]) {
      const table = await filterByAction(label);
      await table.getByRole("cell", { name: label }).first().waitFor();
      assert.equal(await table.getByRole("cell", { name: label }).count(), 1, label);
      await table.getByRole("cell", { name: "admin" }).first().waitFor();
    }
    await assertAccessible("backoffice-audit-log-filtered");
  });

  test("exports the log as CSV with these events", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: "Azzera i filtri" }).click();
    await page.getByRole("table", { name: /operazioni registrate/ }).waitFor();
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Esporta CSV" }).click();
    const download = await downloading;
    assert.match(download.suggestedFilename(), /^registro-accessi-\d{8}-\d{6}\.csv$/);
    const csv = readFileSync(await download.path(), "utf8");
    assert.match(csv.split("\r\n")[0] ?? "", /^\ufeffid,occurred_at,actor_id,actor_label,action/);
    for (const action of ["account.locked", "account.unlocked", "group.created", "account.groups_changed"]) {
      assert.ok(csv.includes(`,${action},`), `${action} in the CSV`);
    }
    await page.getByText(/con le operazioni corrispondenti ai filtri è stato scaricato/).waitFor();
  });

  test("verifies the chain and finds it intact", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: "Verifica l'integrità della catena" }).click();
    await page.getByText(/^La catena è integra: \d+ operazioni verificate, nessuna alterazione\.$/).waitFor();
    await assertAccessible("backoffice-audit-verified");
  });

  test("the outbox lists the mail the demo sent", async () => {
    const { page } = browser;
    await sections().getByRole("link", { name: "Posta in uscita" }).click();
    await heading("Posta in uscita").waitFor();
    const row = page.getByRole("row", { name: /reimpostazione della password/ });
    await row.waitFor();
    await row.getByText(CITIZEN_EMAIL).waitFor();
    await assertAccessible("backoffice-mail");
    await page.getByRole("link", { name: "Non riusciti" }).click();
    await page.getByText("Nessun messaggio non riuscito").waitFor();
  });
});

describe("operator", () => {
  test("sees the sections the new group opens, and is refused the others", async () => {
    const { page } = browser;
    const { operator } = portal.credentials;
    const banner = page.getByRole("banner");
    await banner.getByRole("button", { name: /menu dell'utente/ }).click();
    await banner.getByRole("button", { name: "Esci" }).click();
    await page.getByText(/Sei uscito dal portale/).waitFor();

    await logIn(operator.username, operator.password);
    await changePassword(operator.password, "Sportello2026");
    await heading("Identificazione allo sportello").waitFor();
    assert.deepEqual(await sections().getByRole("link").allTextContents(), [
      "Identificazione allo sportello",
      "Pratiche online",
      "Agenda appuntamenti",
      "Sportelli",
      "Certificati rilasciati",
      "Registro degli accessi",
      "Posta in uscita",
    ]);
    await assertAccessible("backoffice-operator");
    await sections().getByRole("link", { name: "Certificati rilasciati" }).click();
    await heading("Certificati rilasciati").waitFor();
    await page.getByText("Non è stato ancora rilasciato alcun certificato.").waitFor();
    await assertAccessible("backoffice-certificates");
    await sections().getByRole("link", { name: "Posta in uscita" }).click();
    await page.getByRole("row", { name: /reimpostazione della password/ }).waitFor();
    await page.goto(`${portal.baseUrl}/backoffice/gruppi`);
    await heading("Accesso non consentito").waitFor();
  });
});

describe("new operator", () => {
  const NEW_EMAIL = "l.bianchi@comune.example.it";

  test("the administrator creates the account: the form explains its mistakes, then confirms the invitation", async () => {
    const { page } = browser;
    const banner = page.getByRole("banner");
    await banner.getByRole("button", { name: /menu dell'utente/ }).click();
    await banner.getByRole("button", { name: "Esci" }).click();
    await page.getByText(/Sei uscito dal portale/).waitFor();
    await logIn(portal.credentials.admin.username, "Amministra2026");
    await heading("Profilazione utenti").waitFor();

    await page.getByRole("button", { name: "Nuovo account del personale" }).click();
    const form = page.getByRole("region", { name: "Nuovo account del personale" });
    await form.getByRole("textbox", { name: /Nome utente/ }).fill("Lucia Bianchi");
    await form.getByRole("button", { name: "Crea l'account e invia l'invito" }).click();
    await form.getByText(/Il nome utente deve avere da 3 a 32 caratteri/).waitFor();
    await form.getByText("Campo obbligatorio.").first().waitFor();
    await assertAccessible("backoffice-new-staff-errors");

    await form.getByRole("textbox", { name: /Nome utente/ }).fill("l.bianchi");
    await form.getByRole("textbox", { name: "Nome", exact: true }).fill("Lucia");
    await form.getByRole("textbox", { name: "Cognome" }).fill("Bianchi");
    await form.getByRole("textbox", { name: /Indirizzo e-mail/ }).fill(NEW_EMAIL);
    await assertAccessible("backoffice-new-staff-form");
    await form.getByRole("button", { name: "Crea l'account e invia l'invito" }).click();
    await page.getByText(/Account di Lucia Bianchi creato con il nome utente l\.bianchi/).waitFor();
    await page.getByRole("region", { name: "Scheda di Bianchi Lucia" }).waitFor();
    await assertAccessible("backoffice-new-staff-created");
  });

  test("the operator sets the password from the e-mailed link, which works once, and logs in", async () => {
    const { page } = browser;
    const mail = await waitForMail(portal.dataDir, NEW_EMAIL);
    assert.match(mail.subject, /invito al Portale dei Servizi Demografici/);
    assert.match(mail.text, /Nome utente: l\.bianchi/);
    const link = /(https?:\/\/\S+\/reimposta-password\?invito=1&token=\S+)/.exec(mail.text)?.[1];
    assert.ok(link, `no link in the mail:\n${mail.text}`);

    const banner = page.getByRole("banner");
    await banner.getByRole("button", { name: /menu dell'utente/ }).click();
    await banner.getByRole("button", { name: "Esci" }).click();
    await page.getByText(/Sei uscito dal portale/).waitFor();
    await page.goto(link);
    await heading("Attiva il tuo account: scegli la password").waitFor();
    await page.getByLabel(/^Nuova password/).fill("Sportello2027");
    await page.getByLabel(/^Conferma la nuova password/).fill("Sportello2027");
    await page.getByRole("button", { name: "Imposta la nuova password" }).click();
    await page.getByText("La nuova password è stata impostata: ora puoi accedere.").waitFor();

    const again = await fetch(`${portal.baseUrl}/api/v1/auth/password-reset/confirm`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: new URL(link).searchParams.get("token"), new_password: "Altra2028x" }),
    });
    assert.equal(again.status, 422, "the link works once");

    await logIn("l.bianchi", "Sportello2027");
    await heading("Identificazione allo sportello").waitFor();
    await assertAccessible("backoffice-new-operator");
  });
});
