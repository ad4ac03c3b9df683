// Third-party applications, from the back office to the citizen: after the first login's
// password change the administrator opens "Applicazioni", registers an application of
// another administration with the scope registry:check (the form first explains its
// mistakes) and reads its client_id and secret, shown once, from the page. The
// application — this test, with Node's fetch, no browser — gets a token and checks the
// demo citizen's declaration of residence for a stated purpose. The administrator finds
// the check in the audit log with the organisation and the purpose; the citizen finds it
// in "Chi ha consultato i miei dati", as an organisation's application. The administrator
// renews the credentials (the old secret stops working, the new one works), then revokes
// the application: a new token request is refused with 401, and so is the token issued
// before. Then an application registered with its public key (no secret is shown) gets a
// token with an ES256 assertion made here with node:crypto; its keys are replaced in the
// SPA, after which the old key and its token are refused and the new key works. 0 axe violations (WCAG 2.1 AA) on the page with the form, with the secret box and
// after the revocation; the page at 390 px is photographed and checked for cut controls.
import assert from "node:assert/strict";
import { generateKeyPairSync, type KeyObject, randomUUID, sign } from "node:crypto";
import { after, before, describe, test } from "node:test";
import type { Locator } from "playwright-core";
import { openBrowser, type Browser, assertAccessible as checkAccessible, screenshot } from "../support/browser.ts";
import { assertNothingCut } from "../support/layout.ts";
import { demoAccount, submitLoginForm } from "../support/login.ts";
import { startPortal, type Portal } from "../support/portal.ts";

let portal: Portal;
let browser: Browser;

const ADMIN_PASSWORD = "Amministra2026";
const APPLICATION = "Controlli residenza";
const ORGANISATION = "Agenzia delle Prove";
const CONTACT = "api@agenzia-prove.example";
const PURPOSE = "Controllo a campione della dichiarazione sostitutiva di residenza (art. 71 D.P.R. 445/2000), pratica 2026/123";
const CHECKED = "Controllo di una dichiarazione sui dati anagrafici";
const SCOPE_LABEL = "Controllo delle dichiarazioni sostitutive sui dati anagrafici";

/** What the tests of this file learn as they go; they run in order. */
const found = { clientId: "", secret: "", token: "" };

before(async () => {
  portal = await startPortal();
  browser = await openBrowser();
  await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: portal.baseUrl });
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

function clientRow(name: string) {
  return browser.page.getByRole("table", { name: /applicazion[ei] registrat[ae]/ }).getByRole("row", { name: new RegExp(name) });
}

/** Ticks a check box by its label, as a person does: Bootstrap Italia draws the box there. */
async function tick(scope: Locator, label: string) {
  await scope.locator("label", { hasText: label }).click();
  assert.ok(await scope.getByRole("checkbox", { name: label }).isChecked(), `${label} ticked`);
}

async function logOut() {
  const banner = browser.page.getByRole("banner");
  await banner.getByRole("button", { name: /menu dell'utente/ }).click();
  await banner.getByRole("button", { name: "Esci" }).click();
  await browser.page.getByText(/Sei uscito dal portale/).waitFor();
}

/** The application's token request (OAuth 2.0 client credentials), as its server makes it. */
async function requestToken(clientId: string, secret: string): Promise<Response> {
  return fetch(`${portal.baseUrl}/api/v1/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: clientId,
      client_secret: secret,
      scope: "registry:check",
    }),
  });
}

async function tokenOf(clientId: string, secret: string): Promise<string> {
  const response = await requestToken(clientId, secret);
  const body = (await response.json()) as { access_token: string; token_type: string; scope: string };
  assert.equal(response.status, 200, JSON.stringify(body));
  assert.equal(body.token_type, "Bearer");
  assert.equal(body.scope, "registry:check");
  return body.access_token;
}

async function assertTokenRefused(clientId: string, secret: string, why: string) {
  const response = await requestToken(clientId, secret);
  assert.equal(response.status, 401, why);
  assert.equal(((await response.json()) as { error: string }).error, "invalid_client", why);
}

/** The application checks the demo citizen's declaration of residence. */
async function checkResidence(token: string): Promise<Response> {
  return fetch(`${portal.baseUrl}/api/v1/registry/checks`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({
      fiscal_code: portal.credentials.citizen.fiscal_code,
      purpose: PURPOSE,
      reference: "2026/123",
      declared: { resident: true },
    }),
  });
}

/** An EC P-256 key pair of an application, its public half as the JWK to register. */
function applicationKey(kid: string) {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  return { privateKey, kid, jwk: { ...publicKey.export({ format: "jwk" }), kid, use: "sig" } };
}

/** A private_key_jwt assertion (RFC 7523), signed ES256 as the application's server does. */
function assertion(clientId: string, key: { privateKey: KeyObject; kid: string }): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  const input = `${part({ alg: "ES256", typ: "JWT", kid: key.kid })}.${part({
    iss: clientId,
    sub: clientId,
    aud: `${portal.baseUrl}/api/v1/oauth/token`,
    iat: now,
    exp: now + 60,
    jti: randomUUID(),
  })}`;
  const signature = sign("sha256", Buffer.from(input), { key: key.privateKey, dsaEncoding: "ieee-p1363" });
  return `${input}.${signature.toString("base64url")}`;
}

async function requestTokenWithKey(clientId: string, key: { privateKey: KeyObject; kid: string }) {
  return fetch(`${portal.baseUrl}/api/v1/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: assertion(clientId, key),
    }),
  });
}

/** The box showing the credentials once; answers the client_id and the secret it shows. */
async function readCredentials(box: Locator) {
  await box.getByText("Copia ora il segreto: non sarà più mostrato.").waitFor();
  const clientId = ((await box.locator("#client-credentials-id").textContent()) ?? "").trim();
  const secret = ((await box.locator("#client-credentials-secret").textContent()) ?? "").trim();
  assert.match(clientId, /^app-[0-9a-f]{16}$/);
  assert.match(secret, /^ps_\S{20,}$/);
  return { clientId, secret };
}

describe("administrator", () => {
  test("changes the password at the first login and opens Applicazioni, which lists the demo's application", async () => {
    const { page } = browser;
    await submitLoginForm(page, portal.baseUrl, demoAccount(portal.credentials, "admin"));
    await heading("Scegli una nuova password").waitFor();
    await page.getByLabel(/^Password attuale/).fill(portal.credentials.admin.password);
    await page.getByLabel(/^Nuova password/).fill(ADMIN_PASSWORD);
    await page.getByLabel(/^Conferma la nuova password/).fill(ADMIN_PASSWORD);
    await page.getByRole("button", { name: "Salva la nuova password" }).click();
    await heading("Profilazione utenti").waitFor();

    await sections().getByRole("link", { name: "Applicazioni" }).click();
    await heading("Applicazioni").waitFor();
    assert.match(page.url(), /\/backoffice\/applicazioni$/);
    const demo = clientRow("Verifiche demo");
    await demo.getByText("Ente di prova").waitFor();
    await demo.getByText("Attiva", { exact: true }).waitFor();
    await demo.getByText(SCOPE_LABEL).waitFor();
    await assertAccessible("clients");
  });

  test("registers an application with the scope registry:check: the form explains its mistakes, the secret is shown once", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: "Registra un'applicazione" }).click();
    const form = page.getByRole("region", { name: "Registra un'applicazione" });
    await form.getByRole("button", { name: "Registra l'applicazione" }).click();
    await form.getByText("Indica il nome dell'applicazione (almeno 2 caratteri).").waitFor();
    await form.getByText("Scegli almeno un'autorizzazione.").waitFor();
    await assertAccessible("clients-form-errors");

    await form.getByRole("textbox", { name: /Nome dell'applicazione/ }).fill(APPLICATION);
    await form.getByRole("textbox", { name: /Ente o organizzazione/ }).fill(ORGANISATION);
    await form.getByRole("textbox", { name: /E-mail del referente tecnico/ }).fill(CONTACT);
    await tick(form, SCOPE_LABEL);
    assert.equal(await form.getByRole("spinbutton", { name: "Richieste al minuto" }).inputValue(), "120");
    await assertAccessible("clients-form");
    await form.getByRole("button", { name: "Registra l'applicazione" }).click();

    const box = page.getByRole("region", { name: `Applicazione «${APPLICATION}» registrata: le sue credenziali` });
    const { clientId, secret } = await readCredentials(box);
    Object.assign(found, { clientId, secret });
    await box.getByText(CONTACT).waitFor();
    await box.getByRole("button", { name: "Copia il segreto" }).click();
    await box.getByText("Segreto copiato negli appunti.").waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), secret);
    const row = clientRow(APPLICATION);
    await row.getByText(clientId).waitFor();
    await row.getByText("Attiva", { exact: true }).waitFor();
    await assertAccessible("clients-secret");

    // On a phone: the table turns into cards, the secret wraps, nothing is cut.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(200);
    await assertNothingCut(page, "Applicazioni with the secret box at 390 px");
    await assertAccessible("clients-secret-phone-390");
    await page.setViewportSize({ width: 1280, height: 900 });

    await box.getByRole("button", { name: "Ho copiato il segreto, chiudi" }).click();
    await box.waitFor({ state: "detached" });
    assert.equal(await page.getByText(secret).count(), 0, "the secret is not shown again");
    await page.reload();
    await heading("Applicazioni").waitFor();
    await clientRow(APPLICATION).waitFor();
    assert.equal(await page.getByText(secret).count(), 0, "nor after a reload");
  });

  test("the application gets a token and checks the demo citizen's declaration of residence", async () => {
    found.token = await tokenOf(found.clientId, found.secret);
    const response = await checkResidence(found.token);
    const result = (await response.json()) as { fiscal_code: string; all_confirmed: boolean; resident?: boolean };
    assert.equal(response.status, 200, JSON.stringify(result));
    assert.equal(result.fiscal_code, portal.credentials.citizen.fiscal_code);
    assert.equal(result.resident, true);
    assert.equal(result.all_confirmed, true);
  });

  test("the audit log shows the check with the organisation and the purpose", async () => {
    const { page } = browser;
    await sections().getByRole("link", { name: "Registro degli accessi" }).click();
    await heading("Registro degli accessi").waitFor();
    await page.getByRole("combobox", { name: "Azione" }).selectOption({ label: CHECKED });
    await page.getByRole("button", { name: "Applica i filtri" }).click();
    // Until the filtered answer arrives, the page shows the previous rows under the new
    // caption: wait for the filtered count itself.
    const table = page.getByRole("table", { name: "1 operazione corrispondente ai filtri" });
    const row = table.getByRole("row", { name: new RegExp(ORGANISATION) });
    await row.waitFor();
    await row.getByRole("cell", { name: CHECKED }).waitFor();
    await row.getByText(`${ORGANISATION} (${APPLICATION})`).waitFor();
    await row.getByText(PURPOSE).waitFor();
    await assertAccessible("clients-audit-log");
  });
});

describe("citizen", () => {
  test("finds the check in \"Chi ha consultato i miei dati\", by an organisation's application, with its purpose", async () => {
    const { page } = browser;
    await logOut();
    await submitLoginForm(page, portal.baseUrl, demoAccount(portal.credentials, "citizen"));
    await page.getByRole("banner").getByRole("button", { name: /menu dell'utente/ }).waitFor();
    await page.goto(`${portal.baseUrl}/chi-ha-consultato-i-miei-dati`);
    await heading("Chi ha consultato i miei dati").waitFor();
    const table = page.getByRole("table", { name: "Consultazioni dei tuoi dati, dalla più recente" });
    const row = table.getByRole("row").filter({ hasText: PURPOSE });
    await row.waitFor();
    assert.equal(await row.count(), 1);
    await row.getByText(CHECKED).waitFor();
    await row.getByText(`${ORGANISATION} (${APPLICATION})`).waitFor();
    await row.getByText("Applicazione di un ente", { exact: true }).waitFor();
    await assertAccessible("clients-access-log");
  });
});

describe("administrator again", () => {
  test("renews the credentials: the old secret stops working, the new one works", async () => {
    const { page } = browser;
    await logOut();
    await submitLoginForm(page, portal.baseUrl, demoAccount(portal.credentials, "admin", ADMIN_PASSWORD));
    await heading("Profilazione utenti").waitFor();
    await sections().getByRole("link", { name: "Applicazioni" }).click();
    await heading("Applicazioni").waitFor();

    await clientRow(APPLICATION).getByRole("button", { name: `Rinnova credenziali ${APPLICATION}` }).click();
    const question = page.getByRole("group", { name: /Vuoi rinnovare le credenziali/ });
    await question.getByRole("button", { name: "Sì, rinnova le credenziali" }).click();
    const box = page.getByRole("region", { name: `Nuove credenziali dell'applicazione «${APPLICATION}»` });
    const renewed = await readCredentials(box);
    assert.equal(renewed.clientId, found.clientId);
    assert.notEqual(renewed.secret, found.secret);
    await box.getByRole("button", { name: "Ho copiato il segreto, chiudi" }).click();

    await assertTokenRefused(found.clientId, found.secret, "the old secret after the renewal");
    assert.equal((await checkResidence(found.token)).status, 401, "a token of the old secret after the renewal");
    found.secret = renewed.secret;
    found.token = await tokenOf(found.clientId, found.secret);
  });

  test("revokes the application after a confirmation: it stays listed as revoked, its tokens stop working", async () => {
    const { page } = browser;
    const row = clientRow(APPLICATION);
    await row.getByRole("button", { name: `Revoca ${APPLICATION}` }).click();
    const question = page.getByRole("group", { name: `Vuoi revocare l'applicazione «${APPLICATION}» (${ORGANISATION})?` });
    await question.waitFor();
    await assertAccessible("clients-revoke-question");
    await question.getByRole("button", { name: "Sì, revoca l'applicazione" }).click();
    await page.getByText(`L'applicazione «${APPLICATION}» è stata revocata: non può più ottenere token di accesso.`).waitFor();
    await row.getByText("Revocata", { exact: true }).waitFor();
    assert.equal(await row.getByRole("button").count(), 0, "no actions on a revoked application");
    await clientRow("Verifiche demo").getByText("Attiva", { exact: true }).waitFor();
    await assertAccessible("clients-revoked");

    await assertTokenRefused(found.clientId, found.secret, "a revoked application");
    assert.equal((await checkResidence(found.token)).status, 401, "a token issued before the revocation");

    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(200);
    await assertNothingCut(page, "Applicazioni at 390 px");
    await screenshot(page, "clients-phone-390");
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test("registers an application with its public key: no secret, it signs in with an assertion, its keys are replaced", async () => {
    const { page } = browser;
    const name = "Protocollo informatico";
    const first = applicationKey("e2e-1");
    await page.getByRole("button", { name: "Registra un'applicazione" }).click();
    const form = page.getByRole("region", { name: "Registra un'applicazione" });
    await form.getByRole("textbox", { name: /Nome dell'applicazione/ }).fill(name);
    await form.getByRole("textbox", { name: /Ente o organizzazione/ }).fill(ORGANISATION);
    await form.getByRole("textbox", { name: /E-mail del referente tecnico/ }).fill(CONTACT);
    await tick(form, SCOPE_LABEL);
    const keys = form.getByRole("textbox", { name: /Chiavi pubbliche dell'applicazione/ });
    await keys.fill("{ not json");
    await form.getByRole("button", { name: "Registra l'applicazione" }).click();
    await form.getByText(/Il testo non è un oggetto JSON valido/).waitFor();
    await keys.fill(JSON.stringify(first.jwk, null, 2));
    await form.getByRole("button", { name: "Registra l'applicazione" }).click();
    const box = page.getByRole("region", { name: `Applicazione «${name}» registrata: le sue credenziali` });
    await box.getByText(/il portale non rilascia alcun segreto/).waitFor();
    assert.equal(await box.locator("#client-credentials-secret").count(), 0, "no secret for a key application");
    const clientId = ((await box.locator("#client-credentials-id").textContent()) ?? "").trim();
    await assertAccessible("clients-keys-registered");
    await box.getByRole("button", { name: "Chiudi" }).click();

    const response = await requestTokenWithKey(clientId, first);
    const body = (await response.json()) as { access_token: string };
    assert.equal(response.status, 200, JSON.stringify(body));
    assert.equal((await checkResidence(body.access_token)).status, 200);

    const row = clientRow(name);
    await row.getByText("autenticazione con chiave pubblica").waitFor();
    await row.getByRole("button", { name: `Sostituisci chiavi ${name}` }).click();
    const panel = page.getByRole("region", { name: `Sostituisci le chiavi pubbliche dell'applicazione «${name}»` });
    const next = applicationKey("e2e-2");
    await panel.getByRole("textbox", { name: /Nuove chiavi pubbliche/ }).fill(JSON.stringify({ keys: [next.jwk] }));
    await assertAccessible("clients-keys-replace");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(200);
    await assertNothingCut(page, "Applicazioni replacing keys at 390 px");
    await screenshot(page, "clients-keys-phone-390");
    await page.setViewportSize({ width: 1280, height: 900 });
    await panel.getByRole("button", { name: "Sostituisci le chiavi" }).click();
    await page.getByText(`Chiavi dell'applicazione «${name}» sostituite`, { exact: false }).waitFor();

    assert.equal((await requestTokenWithKey(clientId, first)).status, 401, "the old key after the replacement");
    assert.equal((await checkResidence(body.access_token)).status, 401, "a token of the old key");
    assert.equal((await requestTokenWithKey(clientId, next)).status, 200, "the new key");
  });
});
