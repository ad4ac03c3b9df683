// The layout tour (issue 12): every page of the SPA (app/routes.tsx), as each role —
// anonymous, resident citizen, non-resident citizen, operator, administrator — in a
// 1366×900 window and in a 390×844 phone, with data in every list (certificates issued,
// self-declarations printed, mail sent, an account waiting at the counter, a change of
// address submitted and taken in charge, another one in draft). A page fails
// when it scrolls sideways or when a button or link of its main content is cut by the
// window or by a box that clips it; the failure names the page, the role, the window and
// the element. A full-page screenshot of each visit goes to
// results/layout/<role>-<page>-<width>.png. One portal and one browser for the whole
// tour; one browser context per role, resized for each window.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { apiToken, call, changePassword, solvedChallenge } from "../support/api.ts";
import { accessibilityViolations, RESULTS_DIR } from "../support/browser.ts";
import { layoutProblems } from "../support/layout.ts";
import { demoAccount, logIn, type LoginAccount } from "../support/login.ts";
import { startPortal, type Portal } from "../support/portal.ts";

/** The windows of the tour; `PORTALE_LAYOUT_WINDOWS=1024x768,820x1180` tries others. */
const WINDOWS = (process.env.PORTALE_LAYOUT_WINDOWS ?? "1366x900,390x844").split(",").map((size) => {
  const [width, height] = size.split("x").map(Number);
  assert.ok(width && height, `a window is WIDTHxHEIGHT, not ${size}`);
  return { width, height };
});
const SHOTS = join(RESULTS_DIR, "layout");
const STAFF_PASSWORD = "Sportello2026";
const NONRESIDENT_PASSWORD = "Residenza2026";
const REASON = "Pratica di successione ereditaria";

let portal: Portal;
let browser: Browser;
let data: Arranged;

interface Arranged {
  /** A member of the demo citizen's family other than the citizen. */
  memberId: string;
  /** The verification page of a certificate, with its seal after `#`. */
  verifyPath: string;
  /** Valid certificates the operator revokes through the page, one per window. */
  toRevoke: string[];
  /** What one types on /verifica to check a certificate by hand. */
  verifyForm: { surname: string; name: string; id: string };
  /** The demo citizen's change of address: submitted, and taken in charge by the operator. */
  practiceId: string;
  /** The demo citizen's second declaration, still a draft: its wizard's steps. */
  draftId: string;
}

type Role = "anonymous" | "citizen" | "nonresident" | "operator" | "admin";

/** One page of the tour. */
interface Stop {
  /** In the screenshot's name: `<role>-<name>-<width>.png`. */
  name: string;
  path: string | (() => string);
  /**
   * The roles that have data on this page, and what the page shows once the data are in
   * (a table, a result); for them the page is also checked with axe, since their tables
   * turn into cards on a phone.
   */
  data?: { roles: Role[]; shows: (page: Page) => Locator };
}

const table = (page: Page) => page.locator("main table").first();
const STAFF: Role[] = ["operator", "admin"];
const EVERYBODY: Role[] = ["anonymous", "citizen", "nonresident", "operator", "admin"];

/** The steps of the change-of-address wizard (`?passo=`), each a page of the tour. */
const WIZARD_STEPS = ["applicant", "movers", "licences_and_vehicles", "dwelling", "attachments", "summary"];

// Every page of app/routes.tsx, and the states of a page an address selects. Every role
// visits every page: a page not meant for a role says so (the login page, "access not
// allowed", "not resident"), and that page must fit too.
const PAGES: Stop[] = [
  { name: "home", path: "/" },
  { name: "come-accedere", path: "/come-accedere" },
  { name: "aiuto", path: "/aiuto" },
  { name: "contatti", path: "/contatti", data: { roles: EVERYBODY, shows: table } },
  { name: "privacy", path: "/privacy" },
  { name: "accessibilita", path: "/accessibilita" },
  { name: "note-legali", path: "/note-legali" },
  { name: "codice-fiscale", path: "/strumenti/codice-fiscale" },
  { name: "accedi", path: "/accedi" },
  { name: "accedi-operatori", path: "/accedi?tipo=operatore" },
  { name: "registrazione", path: "/registrazione" },
  { name: "recupera-password", path: "/recupera-password" },
  { name: "reimposta-password", path: "/reimposta-password" },
  { name: "cambio-password", path: "/cambio-password" },
  { name: "profilo", path: "/profilo" },
  { name: "famiglia", path: "/famiglia" },
  { name: "famiglia-componente", path: () => `/famiglia/${data.memberId}` },
  { name: "certificati", path: "/certificati", data: { roles: ["citizen"], shows: table } },
  { name: "certificati-nuovo", path: "/certificati/nuovo" },
  // The service's page; with a session, also the archive of one's declarations.
  { name: "autocertificazioni", path: "/autocertificazioni", data: { roles: ["citizen"], shows: table } },
  { name: "autocertificazioni-nuova", path: "/autocertificazioni/nuova" },
  { name: "certificazione-libera", path: "/certificazione-libera" },
  // Online practices: "Stato richieste", the checklist, one practice, the wizard's steps.
  { name: "pratiche", path: "/pratiche", data: { roles: ["citizen"], shows: table } },
  { name: "pratiche-nuova", path: "/pratiche/nuova/cambio-residenza", data: { roles: ["citizen"], shows: table } },
  {
    name: "pratica",
    path: () => `/pratiche/${data.practiceId}`,
    data: { roles: ["citizen"], shows: (page) => page.getByRole("table", { name: "Storico della pratica" }) },
  },
  ...WIZARD_STEPS.map(
    (step): Stop => ({
      name: `pratica-passo-${step}`,
      path: () => `/pratiche/${data.draftId}?passo=${step}`,
      data: { roles: ["citizen"], shows: (page) => page.getByRole("navigation", { name: "Passi della dichiarazione" }) },
    }),
  ),
  {
    name: "chi-ha-consultato",
    path: "/chi-ha-consultato-i-miei-dati",
    data: { roles: ["citizen"], shows: table },
  },
  { name: "verifica", path: "/verifica" },
  {
    name: "verifica-certificato",
    path: () => data.verifyPath,
    data: { roles: EVERYBODY, shows: (page) => page.getByRole("region", { name: "Esito della verifica" }) },
  },
  { name: "backoffice", path: "/backoffice", data: { roles: STAFF, shows: table } },
  { name: "backoffice-attivi", path: "/backoffice?stato=attivi", data: { roles: STAFF, shows: table } },
  { name: "backoffice-certificati", path: "/backoffice/certificati", data: { roles: STAFF, shows: table } },
  {
    name: "backoffice-certificati-ricerca",
    path: () => `/backoffice/certificati?cerca=${portal.credentials.citizen.fiscal_code.toLowerCase()}`,
    data: { roles: STAFF, shows: table },
  },
  {
    name: "backoffice-certificati-nessun-risultato",
    path: "/backoffice/certificati?cerca=0000-0000-0000-0000",
    data: { roles: STAFF, shows: (page) => page.getByText(/Nessun certificato corrisponde/) },
  },
  { name: "backoffice-pratiche", path: "/backoffice/pratiche", data: { roles: STAFF, shows: table } },
  {
    name: "backoffice-pratica",
    path: () => `/backoffice/pratiche/${data.practiceId}`,
    data: { roles: STAFF, shows: (page) => page.getByRole("table", { name: "Storico della pratica" }) },
  },
  { name: "backoffice-utenti", path: "/backoffice/utenti", data: { roles: ["admin"], shows: table } },
  { name: "backoffice-gruppi", path: "/backoffice/gruppi", data: { roles: ["admin"], shows: table } },
  {
    name: "backoffice-applicazioni",
    path: "/backoffice/applicazioni",
    data: { roles: ["admin"], shows: table },
  },
  { name: "backoffice-webhook", path: "/backoffice/webhook", data: { roles: ["admin"], shows: table } },
  {
    name: "backoffice-registro-accessi",
    path: "/backoffice/registro-accessi",
    data: { roles: ["admin"], shows: table },
  },
  { name: "backoffice-posta", path: "/backoffice/posta", data: { roles: ["admin"], shows: table } },
  { name: "pagina-inesistente", path: "/pagina-inesistente" },
];

function pageNamed(name: string): Stop {
  const stop = PAGES.find((s) => s.name === name);
  assert.ok(stop, `no page named ${name}`);
  return stop;
}

before(async () => {
  portal = await startPortal();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"],
  });
  mkdirSync(SHOTS, { recursive: true });
  data = await arrange();
});

after(async () => {
  try {
    await browser?.close();
  } finally {
    await portal?.stop();
  }
});

/** `YYYY-MM-DD` of today, local time. */
const today = () => new Date().toLocaleDateString("sv-SE");

/** Fills the lists the pages show, through the API, as the people who would. */
async function arrange(): Promise<Arranged> {
  const { baseUrl, credentials } = portal;
  const api = <T>(path: string, token: string, body?: unknown, method?: string) =>
    call<T>(baseUrl, path, { token, body, method });
  const citizen = await apiToken(baseUrl, credentials.citizen);
  const citizen2 = await apiToken(baseUrl, credentials.citizen2);
  // First logins ask staff and the non-resident for a new password: given here, once.
  for (const role of ["operator", "admin"] as const) {
    const first = await apiToken(baseUrl, credentials[role]);
    await changePassword(baseUrl, first, credentials[role].password, STAFF_PASSWORD);
  }
  // A webhook of the demo's application towards an address where nobody listens, before
  // anything happens: its deliveries fail and wait, and the page has errors to show.
  const admin = await apiToken(baseUrl, { username: credentials.admin.username, password: STAFF_PASSWORD });
  assert.ok(credentials.api_client, "demo-credentials.json names the demo's application");
  await call(baseUrl, "/api/v1/admin/webhooks", {
    token: admin,
    body: {
      client_id: credentials.api_client.client_id,
      url: "http://127.0.0.1:9/protocollo/notifiche-dal-portale-dei-servizi-demografici",
      events: ["certificate.issued", "certificate.revoked", "practice.submitted", "practice.changed"],
    },
  });
  const outsider = await apiToken(baseUrl, credentials.nonresident);
  await changePassword(baseUrl, outsider, credentials.nonresident.password, NONRESIDENT_PASSWORD);

  type Member = { person_id: string; surname: string; name: string };
  const family = await api<{ members: Member[] }>("/api/v1/me/family", citizen);
  const self = credentials.citizen.person_id;
  const member = family.members.find((m) => m.person_id !== self)?.person_id;
  assert.ok(member, "the demo citizen's family has another member");
  const me = family.members.find((m) => m.person_id === self) as Member;

  type Issued = { id: string; verify_url: string };
  const issue = (token: string, body: Record<string, unknown>) => api<Issued>("/api/v1/certificates", token, body);
  const own = await issue(citizen, { type: "residenza", person_id: self, usage: "pensione" });
  await issue(citizen, {
    type: "stato_famiglia",
    person_id: member,
    usage: "bollo",
    stamp: { identifier: "01234567890123", issue_date: today() },
  });
  await issue(citizen, {
    type: "contestuale",
    person_id: credentials.citizen2.person_id,
    usage: "altro",
    usage_text: "Iscrizione al circolo sportivo comunale per la stagione agonistica 2026/2027",
    reason: REASON,
  });
  // About the citizen, asked by someone else: the citizen's access log shows it.
  await issue(citizen2, {
    type: "residenza",
    person_id: self,
    usage: "notifica_atti_giudiziari",
    reason: "Notifica di un atto di citazione in giudizio",
  });
  const toRevoke: string[] = [];
  while (toRevoke.length < WINDOWS.length) {
    toRevoke.push((await issue(citizen, { type: "esistenza_in_vita", person_id: self, usage: "pensione" })).id);
  }

  for (const type of ["residenza", "esistenza_in_vita"]) {
    await api("/api/v1/self-declarations", citizen, { type });
  }
  // Mail for the outbox: a certificate with its PDF, and a password reset.
  await api("/api/v1/me", citizen, { email: "cittadino.demo@example.org" }, "PATCH");
  await api(`/api/v1/certificates/${own.id}/email`, citizen, {
    to: "ufficio.protocollo@comune-di-esempio.example.org",
    cc: ["copia.conoscenza@example.org"],
    message: "Buongiorno, invio il certificato richiesto.",
  });
  await call(baseUrl, "/api/v1/auth/password-reset", {
    body: { fiscal_code: credentials.citizen.fiscal_code, email: "cittadino.demo@example.org" },
  });
  // Someone waiting to be identified at the counter.
  await call(baseUrl, "/api/v1/registrations", {
    body: {
      surname: "Verdi",
      name: "Giulia",
      sex: "F",
      birth_date: "1985-07-22",
      birth_country: "IT",
      birth_place_code: "H501",
      fiscal_code: "VRDGLI85L62H501H",
      email: "giulia.verdi@example.org",
      proof_of_work: await solvedChallenge(baseUrl),
    },
  });

  const operator = await apiToken(baseUrl, { username: credentials.operator.username, password: STAFF_PASSWORD });
  const practices = await arrangePractices(citizen, operator);

  const verifyUrl = new URL(own.verify_url);
  return {
    ...practices,
    memberId: member,
    verifyPath: verifyUrl.pathname + verifyUrl.hash,
    toRevoke,
    verifyForm: { surname: me.surname, name: me.name, id: own.id },
  };
}

type Practice = { id: string; version: number; data: Declaration };
type Declaration = {
  persons: Array<{ applicant: boolean; moves: boolean; has_vehicles: boolean; vehicles: unknown[] }>;
  address: Record<string, string>;
  occupancy: Record<string, string | null>;
  contacts: Record<string, string>;
};

/**
 * The demo citizen's change of address with every step filled in (another member of the
 * family moves too; the applicant's car; the lease; an identity document), submitted and
 * taken in charge by the operator; and a second declaration filled in the same way, left a
 * draft.
 */
async function arrangePractices(citizen: string, operator: string) {
  const { baseUrl } = portal;
  const declaration = async () => {
    const draft = await call<Practice>(baseUrl, "/api/v1/practices", { token: citizen, body: { type: "cambio-residenza" } });
    const data = draft.data;
    data.contacts.email = "cittadino.demo@example.org";
    data.persons.find((p) => !p.applicant)!.moves = true;
    data.persons[0].has_vehicles = true;
    data.persons[0].vehicles = [{ kind: "car", plate: "AB123CD" }];
    Object.assign(data.address, { street: "Via Matteotti", house_number: "12", staircase: "B", floor: "2", interior: "3" });
    Object.assign(data.occupancy, {
      title: "registered_lease",
      registration_office: "Roma 1",
      registration_number: "1234 serie 3T",
      registration_date: today(),
    });
    await call(baseUrl, `/api/v1/practices/${draft.id}`, {
      token: citizen,
      method: "PATCH",
      body: { data, step: "summary", version: draft.version },
    });
    const form = new FormData();
    form.append("document", "documento-identita");
    form.append("file", new Blob([Buffer.from("%PDF-1.4\n%%EOF\n")], { type: "application/pdf" }), "carta-identita.pdf");
    const upload = await fetch(`${baseUrl}/api/v1/practices/${draft.id}/attachments`, {
      method: "POST",
      headers: { authorization: `Bearer ${citizen}` },
      body: form,
    });
    assert.equal(upload.status, 201, `attachment: ${await upload.text()}`);
    return draft.id;
  };
  const practiceId = await declaration();
  await call(baseUrl, `/api/v1/practices/${practiceId}/submit`, { token: citizen, body: {} });
  await call(baseUrl, `/api/v1/practices/${practiceId}/take-charge`, { token: operator, body: {} });
  const draftId = await declaration();
  return { practiceId, draftId };
}

/** Opens `stop` and waits until its content is in, and its data for `role`. */
async function visit(page: Page, role: Role, stop: Stop) {
  const path = typeof stop.path === "function" ? stop.path() : stop.path;
  await page.goto(`${portal.baseUrl}${path}`);
  await page.locator("main h1").first().waitFor();
  await page.waitForFunction(() => !document.querySelector("main .progress-spinner-active"));
  if (stop.data?.roles.includes(role)) await stop.data.shows(page).waitFor();
  await page.evaluate(() => document.fonts.ready);
}

/**
 * Checks the page as it is now and saves its screenshot as `<role>-<name>-<width>.png`;
 * answers what is wrong, each problem naming page, role and window.
 */
async function look(page: Page, role: Role, name: string, withAxe = false): Promise<string[]> {
  const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
  const where = `${name} (${new URL(page.url()).pathname}) as ${role} at ${width}×${height}`;
  const problems = (await layoutProblems(page)).map((problem) => `${where}: ${problem}`);
  if (withAxe) {
    problems.push(...(await accessibilityViolations(page)).map((violation) => `${where}: axe ${violation}`));
  }
  await page.screenshot({ path: join(SHOTS, `${role}-${name}-${width}.png`), fullPage: true });
  return problems;
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0];

/**
 * The tour of one role: log in once, then every stop in each window; `more` adds what a
 * page shows after a click (a form opened, a revocation done). Fails with everything
 * found, not only the first.
 */
async function tour(
  role: Role,
  account: LoginAccount | null,
  more?: (page: Page, width: number) => Promise<string[]>,
) {
  const context = await browser.newContext({ locale: "it-IT", viewport: WINDOWS[0] as { width: number; height: number } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`${role}, ${page.url()}: page error: ${error.message}`));
  try {
    if (account) await logIn(page, portal.baseUrl, account);
    for (const window of WINDOWS) {
      await page.setViewportSize(window);
      const at = `as ${role} at ${window.width}×${window.height}`;
      for (const stop of PAGES) {
        try {
          await visit(page, role, stop);
          problems.push(...(await look(page, role, stop.name, stop.data?.roles.includes(role))));
        } catch (error) {
          // A page that does not come up is reported with the others; the tour goes on.
          problems.push(`${stop.name} (${page.url()}) ${at}: ${firstLine(error)}`);
        }
      }
      try {
        if (more) problems.push(...(await more(page, window.width)));
      } catch (error) {
        problems.push(`${page.url()} ${at}, after a click: ${firstLine(error)}`);
      }
    }
  } finally {
    await context.close();
  }
  assert.deepEqual(problems, [], `the ${role}'s tour found:\n${problems.join("\n")}`);
}

describe("layout tour", () => {
  test("anonymous", async () => {
    await tour("anonymous", null, async (page) => {
      // A certificate checked by hand, and the answer.
      await visit(page, "anonymous", pageNamed("verifica"));
      const form = page.getByRole("form", { name: "Verifica di un certificato" });
      await form.getByRole("textbox", { name: /^Cognome/ }).fill(data.verifyForm.surname);
      await form.getByRole("textbox", { name: /^Nome/ }).fill(data.verifyForm.name);
      await form.getByRole("textbox", { name: /^Id/ }).fill(data.verifyForm.id);
      await form.getByRole("button", { name: "Verifica" }).click();
      await page.getByRole("region", { name: "Esito della verifica" }).waitFor();
      return look(page, "anonymous", "verifica-esito");
    });
  });

  test("resident citizen", async () => {
    await tour("citizen", demoAccount(portal.credentials, "citizen"), async (page) => {
      // The e-mail form opened from a row of the archive.
      await visit(page, "citizen", pageNamed("certificati"));
      await page.getByRole("button", { name: /^Invia per email/ }).first().click();
      await page.getByRole("textbox", { name: /^Email destinatario/ }).first().waitFor();
      const problems = await look(page, "citizen", "certificati-email", true);
      // A stato di famiglia: the family as editable rows, then as the preview prints it.
      await visit(page, "citizen", pageNamed("autocertificazioni-nuova"));
      await page.getByRole("radio", { name: "Dichiarazione di stato di famiglia", exact: true }).check({ force: true });
      await page.getByRole("button", { name: "Avanti" }).click();
      await page.getByRole("heading", { level: 2, name: "Passo 2: Completa i dati" }).waitFor();
      problems.push(...(await look(page, "citizen", "autocertificazioni-nuova-famiglia", true)));
      await page.getByRole("button", { name: "Avanti" }).click();
      await page.getByRole("heading", { level: 2, name: "Passo 3: Controlla e stampa" }).waitFor();
      problems.push(...(await look(page, "citizen", "autocertificazioni-nuova-anteprima", true)));
      return problems;
    });
  });

  test("non-resident citizen", async () => {
    // Nothing about them in the registry: their lists stay empty, and say so.
    await tour("nonresident", demoAccount(portal.credentials, "nonresident", NONRESIDENT_PASSWORD));
  });

  test("operator", async () => {
    const account = demoAccount(portal.credentials, "operator", STAFF_PASSWORD);
    await tour("operator", account, async (page, width) => {
      // The identification panel of the person waiting at the counter.
      await visit(page, "operator", pageNamed("backoffice"));
      await page.getByRole("button", { name: /^Identifica/ }).first().click();
      await page.locator(".identification-panel").waitFor();
      const problems = await look(page, "operator", "backoffice-scheda", true);
      // The revocation, from the row's button to the table that says "Revocato".
      const id = data.toRevoke[WINDOWS.findIndex((window) => window.width === width)] as string;
      await visit(page, "operator", pageNamed("backoffice-certificati"));
      await page.getByRole("button", { name: `Revoca ${id}` }).click();
      const reason = page.getByRole("textbox", { name: /Motivo della revoca/ });
      await reason.waitFor();
      problems.push(...(await look(page, "operator", "backoffice-certificati-revoca", true)));
      await reason.fill("Rilasciato su dati anagrafici da rettificare");
      await page.getByRole("button", { name: "Conferma revoca" }).click();
      await page.getByText(`Il certificato ${id} è stato revocato.`).waitFor();
      problems.push(...(await look(page, "operator", "backoffice-certificati-revocato", true)));
      // The form an office action opens on the practice: the request for an integration.
      await visit(page, "operator", pageNamed("backoffice-pratica"));
      await page.getByRole("region", { name: "Azioni" }).getByRole("button", { name: "Richiedi integrazione" }).click();
      await page.getByRole("form", { name: "Richiedi integrazione" }).getByRole("textbox").waitFor();
      problems.push(...(await look(page, "operator", "backoffice-pratica-integrazione", true)));
      return problems;
    });
  });

  test("administrator", async () => {
    const account = demoAccount(portal.credentials, "admin", STAFF_PASSWORD);
    await tour("admin", account, async (page) => {
      // A user's record opened beside (or under) the list.
      await visit(page, "admin", pageNamed("backoffice-utenti"));
      await page.getByRole("button", { name: /^Apri la scheda/ }).first().click();
      await page.getByRole("region", { name: /^Scheda di / }).waitFor();
      const problems = await look(page, "admin", "backoffice-utenti-scheda", true);
      // A webhook's deliveries, failed towards nobody; then the form to register one.
      await visit(page, "admin", pageNamed("backoffice-webhook"));
      await page.getByRole("button", { name: /^Consegne / }).first().click();
      await page.getByRole("region", { name: /^Consegne del webhook/ }).getByRole("table").waitFor();
      problems.push(...(await look(page, "admin", "backoffice-webhook-consegne", true)));
      await page.getByRole("button", { name: "Registra un webhook" }).click();
      await page.getByRole("combobox", { name: /Applicazione/ }).waitFor();
      problems.push(...(await look(page, "admin", "backoffice-webhook-modulo", true)));
      return problems;
    });
  });
});
