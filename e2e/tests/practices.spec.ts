// The change of address online (issue 13, point 10), through the SPA only: the demo citizen
// opens "Stato richieste", reads the document checklist and starts the declaration; in the
// wizard moves part of the family (self and one child) to another street of the
// municipality, with the applicant's car (a plate not in the Italian format is pointed out
// first), attaches the identity document — a JPEG named .pdf is refused, a real PDF
// accepted — and the lease; submits, gets a protocol number and downloads the receipt (a
// PDF naming the protocol). The operator takes the practice in charge from the office's
// queue and asks for an integration; the citizen reads the request, adds the document and
// sends it back; the operator registers the declaration (accolta con riserva) and approves
// it. Then the family record shows the new address with the two movers, "Situazione alla
// data" of yesterday the old address with the whole family, and a certificate of residence
// issued afterwards carries the new address. 0 axe violations (WCAG 2.1 AA) on every page
// visited.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Locator } from "playwright-core";
import { openBrowser, type Browser, assertAccessible as checkAccessible } from "../support/browser.ts";
import { deliveredMail } from "../support/mail.ts";
import { citizenAccount, logIn as logInThroughThePage, staffAccount, submitLoginForm } from "../support/login.ts";
import { startPortal, type Portal } from "../support/portal.ts";

const STAFF_PASSWORD = "Sportello2026";
const CONTACT_EMAIL = "edoardo.trasloco@example.org";
const NEW_STREET = "Via Matteotti";
const HOUSE_NUMBER = "12";
const INTERIOR = "3";
const PLATE = "AB123CD";
const TYPE_NAME = "Cambio di residenza o di indirizzo";
const IDENTITY = "Copia del documento d'identità del richiedente";
const LEASE =
  "Contratto di locazione o comodato registrato, atto di proprietà o altro titolo di occupazione dell'abitazione";
const LICENCES = "Copia delle patenti di guida e delle carte di circolazione dei veicoli";
const INTEGRATION_REQUEST = "Allegare la carta di circolazione del veicolo AB123CD.";

let portal: Portal;
let browser: Browser;
let work: string;

/** What the tests of this file learn as they go; they run in order. */
const found = {
  /** The family as the record shows it before the move: address, and "SURNAME NAME" of each. */
  oldAddress: "",
  members: [] as string[],
  /** The applicant (the demo citizen) and the child who moves with them. */
  applicant: "",
  child: "",
  practiceUrl: "",
  protocol: "",
};

/** Small files as a scanner or a phone gives them; the server looks at their first bytes. */
const files = {
  identity: "",
  fakePdf: "",
  lease: "",
  registration: "",
};

before(async () => {
  portal = await startPortal();
  browser = await openBrowser();
  work = mkdtempSync(join(tmpdir(), "portale-practices-"));
  const pdf = (title: string) => Buffer.from(`%PDF-1.4\n% ${title}\n%%EOF\n`, "latin1");
  files.identity = join(work, "carta-identita.pdf");
  writeFileSync(files.identity, pdf("carta d'identita"));
  // A photo renamed: JPEG bytes (FF D8 FF E0 … JFIF) under a .pdf name.
  files.fakePdf = join(work, "documento.pdf");
  writeFileSync(
    files.fakePdf,
    Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from("JFIF\0", "latin1"), Buffer.alloc(64)]),
  );
  files.lease = join(work, "contratto-locazione.pdf");
  writeFileSync(files.lease, pdf("contratto di locazione"));
  files.registration = join(work, "carta-circolazione.pdf");
  writeFileSync(files.registration, pdf("carta di circolazione"));
});

after(async () => {
  try {
    await browser?.close();
  } finally {
    await portal?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  }
});

const assertAccessible = (name: string) => checkAccessible(browser.page, `practices-${name}`);

function heading(name: string | RegExp, level = 1) {
  return browser.page.getByRole("heading", { level, name });
}

/** The value a `<dl>` in `scope` gives for `term`. */
function definition(scope: Locator, term: string) {
  return scope
    .locator("dl > div")
    .filter({ has: browser.page.locator("dt", { hasText: new RegExp(`^${term}$`) }) })
    .locator("dd");
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A person's name as the wizard writes it ("Testa Roberta") for the record's "TESTA ROBERTA". */
const named = (fullName: string, suffix = "") => new RegExp(`^${escape(fullName)}${suffix}$`, "i");

/** `YYYY-MM-DD` of `days` ago, local time, as date inputs want it. */
const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toLocaleDateString("sv-SE");
const italianDate = (iso: string) => iso.split("-").reverse().join("/");

async function logOut() {
  const banner = browser.page.getByRole("banner");
  await banner.getByRole("button", { name: /menu dell'utente/ }).click();
  await banner.getByRole("button", { name: "Esci" }).click();
  await browser.page.getByText(/Sei uscito dal portale/).waitFor();
}

async function logInAsCitizen() {
  const { citizen } = portal.credentials;
  await logInThroughThePage(browser.page, portal.baseUrl, citizenAccount(citizen));
}

/** The operator's login: the first one asks for a new password (as back office staff must). */
async function logInAsOperator(first: boolean) {
  const { page } = browser;
  const { operator } = portal.credentials;
  await submitLoginForm(page, portal.baseUrl, staffAccount({ ...operator, password: first ? operator.password : STAFF_PASSWORD }));
  if (first) {
    await heading("Scegli una nuova password").waitFor();
    await page.getByLabel(/^Password attuale/).fill(operator.password);
    await page.getByLabel(/^Nuova password/).fill(STAFF_PASSWORD);
    await page.getByLabel(/^Conferma la nuova password/).fill(STAFF_PASSWORD);
    await page.getByRole("button", { name: "Salva la nuova password" }).click();
  }
  await heading("Identificazione allo sportello").waitFor();
}

/** Chooses a radio button by its label, as a person does: Bootstrap Italia draws the circle there. */
async function choose(scope: Locator, label: string) {
  await scope.locator("label", { hasText: label }).click();
  assert.ok(await scope.getByRole("radio", { name: label }).isChecked(), `${label} chosen`);
}

/** The wizard's current step: its heading says "Passo n di m: title". */
async function atStep(title: string) {
  await heading(new RegExp(`^Passo \\d+ di \\d+: ${escape(title)}$`), 2).waitFor();
  const current = browser.page.getByRole("navigation", { name: "Passi della dichiarazione" }).locator("[aria-current=step]");
  assert.match((await current.textContent()) ?? "", new RegExp(`${escape(title)}$`));
}

async function next(to: string) {
  await browser.page.getByRole("button", { name: "Avanti", exact: true }).click();
  await atStep(to);
}

/** One document of the checklist in the attachments' list: its heading, files and "Allega". */
function documentRow(label: string) {
  return browser.page.locator("li.document-row").filter({ has: heading(label, 3) });
}

/** Chooses `file` for `document` with "Sfoglia" and sends it with "Allega". */
async function attach(label: string, file: string) {
  const row = documentRow(label);
  await row.getByLabel(`Sfoglia – file per «${label}»`).setInputFiles(file);
  await row.getByRole("button", { name: "Allega", exact: true }).click();
}

/** The files listed under a document. */
function filesOf(label: string) {
  return browser.page.getByRole("list", { name: `File allegati per «${label}»` });
}

/** Waits for the mail worker to deliver to `address` a message that says `text`. */
async function mailWith(address: string, text: string) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const mail = deliveredMail(portal.dataDir).filter((m) => m.to.includes(address));
    if (mail.some((m) => m.text.includes(text))) return;
    if (Date.now() > deadline) {
      assert.fail(`no mail to ${address} saying «${text}»; delivered: ${mail.map((m) => m.subject).join(" | ")}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Saves the download that `action` starts; returns its name and text. */
async function downloadedPdf(action: () => Promise<void>) {
  const downloading = browser.page.waitForEvent("download");
  await action();
  const download = await downloading;
  const name = download.suggestedFilename();
  const path = join(work, name);
  await download.saveAs(path);
  assert.equal(readFileSync(path).subarray(0, 5).toString("latin1"), "%PDF-", `${name} is a PDF`);
  const text = execFileSync("pdftotext", ["-layout", path, "-"], { encoding: "utf8" });
  return { name, text, flat: text.replace(/\s+/g, " ") };
}

/** The office's page of the practice, from the queue (the row of its protocol). */
async function openFromTheQueue(state: string) {
  const { page } = browser;
  await page.getByRole("navigation", { name: "Back office" }).getByRole("link", { name: "Pratiche online" }).click();
  await heading("Pratiche online").waitFor();
  const row = page.getByRole("table", { name: /^1 pratica/ }).getByRole("row").filter({ hasText: found.protocol });
  await row.waitFor();
  await row.getByText(state, { exact: true }).waitFor();
  return row;
}

/** The office's action that needs no text: its button, then the confirmation and the new state. */
async function officeAction(button: string, done: RegExp, state: string) {
  const { page } = browser;
  const actions = page.getByRole("region", { name: "Azioni" });
  await actions.getByRole("button", { name: button, exact: true }).click();
  await actions.getByRole("status").getByText(done).waitFor();
  await definition(page.locator("main"), "Stato").getByText(state, { exact: true }).waitFor();
}

describe("the demo citizen", () => {
  test("reads the family record before the move", async () => {
    const { page } = browser;
    await logInAsCitizen();
    await page.goto(`${portal.baseUrl}/famiglia`);
    await heading("Visualizzazioni e certificati per il proprio nucleo familiare").waitFor();
    const members = page.getByRole("list", { name: "Componenti della famiglia" });
    await members.waitFor();
    found.oldAddress = (await page.locator("main .lead strong").textContent()) ?? "";
    assert.ok(found.oldAddress, "the family has an address");
    found.members = (await members.getByRole("heading", { level: 2 }).allTextContents()).map((s) =>
      s.replace(/Tu$/, "").trim(),
    );
    assert.ok(found.members.length >= 3, `the demo family has three or more members: ${found.members.join(", ")}`);
    found.applicant = found.members[0];
    // A child of the demo citizen, who moves with them; the others stay.
    const child = members
      .getByRole("listitem")
      .filter({ has: page.locator("dd", { hasText: /^FIGLI[OA]$/ }) })
      .first();
    found.child = ((await child.getByRole("heading", { level: 2 }).textContent()) ?? "").trim();
    assert.ok(found.child, "the demo citizen has a child in the family");
    assert.ok(!found.oldAddress.toUpperCase().includes(NEW_STREET.toUpperCase()), "the family lives elsewhere");
  });

  test("opens Stato richieste, reads the checklist and starts the declaration", async () => {
    const { page } = browser;
    const banner = page.getByRole("banner");
    await banner.getByRole("button", { name: /menu dell'utente/ }).click();
    await banner.getByRole("link", { name: "Stato richieste" }).click();
    await heading("Stato richieste").waitFor();
    await page.getByText("Non hai ancora presentato pratiche online.").waitFor();
    await assertAccessible("list-empty");

    await page.getByRole("link", { name: "Nuova dichiarazione di residenza" }).click();
    await heading(TYPE_NAME).waitFor();
    const checklist = page.getByRole("table", { name: "Documenti da allegare alla dichiarazione" });
    await checklist.getByRole("row").filter({ hasText: IDENTITY }).getByText("Obbligatorio").waitFor();
    await checklist.getByRole("row").filter({ hasText: LEASE }).getByText("Facoltativo").waitFor();
    await assertAccessible("checklist");

    await page.getByRole("button", { name: "Richiesta servizio" }).click();
    await atStep("Dati del richiedente");
    assert.match(page.url(), /\/pratiche\/[0-9a-f-]{36}\?passo=applicant$/);
    found.practiceUrl = page.url().replace(/\?.*$/, "");
  });

  test("fills in the applicant: the registry's particulars are locked, the contacts are typed", async () => {
    const { page } = browser;
    assert.ok(
      await page.getByRole("radio", { name: "Cambio di indirizzo nel Comune" }).isChecked(),
      "a resident's declaration starts as a change of address within the municipality",
    );
    const fiscalCode = page.getByRole("textbox", { name: /^Codice fiscale/ });
    assert.equal(await fiscalCode.inputValue(), portal.credentials.citizen.fiscal_code);
    assert.equal(await fiscalCode.getAttribute("readonly"), "", "the registry's particulars are read-only");
    await page.getByRole("textbox", { name: /^E-mail/ }).fill(CONTACT_EMAIL);
    await page.getByRole("textbox", { name: /^Cellulare/ }).fill("333 1234567");
    await assertAccessible("wizard-applicant");
    await next("Chi si trasferisce");
  });

  test("moves self and one child, the others stay; the applicant owns a vehicle", async () => {
    const { page } = browser;
    const movers = page.getByRole("table", { name: "Persone della dichiarazione: spunta chi si trasferisce" });
    await movers.waitFor();
    assert.equal(await page.getByRole("checkbox", { name: "Intero nucleo familiare" }).isChecked(), false);
    assert.ok(await movers.getByRole("checkbox", { name: named(found.applicant, " si trasferisce") }).isChecked());
    for (const member of found.members.slice(1)) {
      assert.equal(
        await movers.getByRole("checkbox", { name: named(member, " si trasferisce") }).isChecked(),
        false,
        `${member} does not move unless ticked`,
      );
    }
    await movers.getByRole("checkbox", { name: named(found.child, " si trasferisce") }).check();
    await movers.getByRole("checkbox", { name: named(found.applicant, " possiede veicoli") }).check();
    await assertAccessible("wizard-movers");
    await next("Patenti e veicoli");
  });

  test("gives the car's plate: a plate not in the Italian format is pointed out", async () => {
    const { page } = browser;
    const vehicles = page.getByRole("group", { name: named(`Veicoli di ${found.applicant}`) });
    await vehicles.getByRole("button", { name: "Aggiungi un veicolo" }).click();
    await vehicles.getByRole("combobox", { name: /^Tipo del veicolo 1/ }).selectOption({ label: "Autoveicolo" });
    const plate = vehicles.getByRole("textbox", { name: /^Targa del veicolo 1/ });
    await plate.fill("ab1234c");
    assert.equal(await plate.inputValue(), "AB1234C", "plates are written in capitals");
    // "Avanti" saves the draft and stops once on what the server found on the step.
    await page.getByRole("button", { name: "Avanti", exact: true }).click();
    await page.getByText("C'è un dato da completare o correggere:").waitFor();
    await page.getByRole("link", { name: /La targa non ha il formato italiano/ }).waitFor();
    await assertAccessible("wizard-plate-refused");
    await plate.fill(PLATE);
    await next("Nuova abitazione");
  });

  test("chooses the new street from the municipality's list, the number and the lease", async () => {
    const { page } = browser;
    const street = page.getByRole("searchbox", { name: /^Via o piazza/ });
    await street.fill("Matte");
    const results = page.getByRole("list", { name: "Vie dello stradario comunale" });
    await results.getByRole("button", { name: NEW_STREET, exact: true }).click();
    await page.getByRole("button", { name: "Cambia via" }).waitFor();
    assert.equal(await street.count(), 0, "the street is chosen, not typed");
    await page.getByRole("textbox", { name: /^Numero civico/ }).fill(HOUSE_NUMBER);
    await page.getByRole("textbox", { name: /^Interno/ }).fill(INTERIOR);
    await choose(page.locator("main"), "Locazione con contratto registrato");
    await page.getByRole("textbox", { name: /^Ufficio dell'Agenzia delle Entrate di/ }).fill("Roma 1");
    await page.getByRole("textbox", { name: /^Numero di registrazione/ }).fill("1234 serie 3T");
    await page.getByLabel(/^Data di registrazione/).fill(isoDaysAgo(40));
    await assertAccessible("wizard-dwelling");
    await next("Allegati");
  });

  test("attaches the identity document, refused when a photo is named .pdf, and the lease", async () => {
    const { page } = browser;
    // The refusal is an HTTP 422, which Chromium logs as a console error.
    browser.expectConsoleError(/status of 422/);
    await attach(IDENTITY, files.fakePdf);
    const refusal = documentRow(IDENTITY).getByRole("alert");
    await refusal.getByText(/^Il file non è stato accettato: il contenuto non corrisponde/).waitFor();
    assert.equal(await filesOf(IDENTITY).count(), 0, "the refused file is not attached");
    await assertAccessible("wizard-attachment-refused");

    await attach(IDENTITY, files.identity);
    await filesOf(IDENTITY).getByText("carta-identita.pdf").waitFor();
    assert.equal(await documentRow(IDENTITY).getByRole("alert").count(), 0, "the refusal is gone");
    await attach(LEASE, files.lease);
    await filesOf(LEASE).getByText("contratto-locazione.pdf").waitFor();
    assert.equal(await filesOf(IDENTITY).getByRole("listitem").count(), 1);
    await assertAccessible("wizard-attachments");
    await next("Riepilogo");
  });

  test("checks the summary, submits with Inoltra and downloads the receipt", async () => {
    const { page } = browser;
    await page.getByText("La dichiarazione è completa: puoi inoltrarla al Comune.").waitFor();
    const main = page.locator("main");
    await main.getByText(PLATE).first().waitFor();
    await main.getByText(new RegExp(escape(NEW_STREET), "i")).first().waitFor();
    await main.getByRole("table", { name: "2 persone si trasferiscono" }).waitFor();
    await main.getByText("carta-identita.pdf").waitFor();
    await main.getByText("contratto-locazione.pdf").waitFor();
    assert.equal(await main.getByText("documento.pdf", { exact: true }).count(), 0);
    await assertAccessible("wizard-summary");

    await page.getByRole("button", { name: "Inoltra", exact: true }).click();
    const outcome = page.getByRole("status").filter({ hasText: "La dichiarazione è stata inoltrata al Comune" });
    await outcome.waitFor();
    const said = (await outcome.textContent()) ?? "";
    found.protocol = /protocollo n\. (\d{4}\/\d{6})/.exec(said)?.[1] ?? "";
    assert.ok(found.protocol, `a protocol number in: ${said}`);
    await heading(`${TYPE_NAME} – protocollo n. ${found.protocol}`).waitFor();
    await definition(main, "Stato").getByText("Inviata", { exact: true }).waitFor();
    await assertAccessible("submitted");

    const receipt = await downloadedPdf(() =>
      outcome.getByRole("button", { name: "Scarica ricevuta" }).click(),
    );
    assert.equal(receipt.name, `ricevuta-${found.protocol.replace("/", "-")}.pdf`);
    assert.ok(receipt.flat.includes(found.protocol), `the protocol in the receipt:\n${receipt.text}`);
    assert.ok(receipt.flat.includes(PLATE), `the vehicle in the receipt:\n${receipt.text}`);
    assert.match(receipt.flat, new RegExp(escape(NEW_STREET), "i"));
    await outcome.getByText(`Ricevuta scaricata: ${receipt.name}`).waitFor();
  });

  test("finds it in Stato richieste as Inviata", async () => {
    const { page } = browser;
    await page.getByRole("link", { name: "Stato richieste" }).first().click();
    await heading("Stato richieste").waitFor();
    const table = page.getByRole("table", { name: "Le tue pratiche: 1 pratica" });
    const row = table.getByRole("row").filter({ hasText: found.protocol });
    await row.getByText("Inviata", { exact: true }).waitFor();
    await assertAccessible("list");
    await logOut();
  });
});

describe("the operator", () => {
  test("takes the practice in charge from the queue and asks for an integration", async () => {
    const { page } = browser;
    await logInAsOperator(true);
    const row = await openFromTheQueue("Inviata");
    await assertAccessible("office-queue");
    await row.getByRole("link", { name: found.protocol }).click();
    await heading(`${TYPE_NAME} – protocollo n. ${found.protocol}`).waitFor();
    const main = page.locator("main");
    assert.match((await definition(main, "Richiedente").textContent()) ?? "", new RegExp(portal.credentials.citizen.fiscal_code));
    await definition(main, "In carico a").getByText("nessuno").waitFor();
    await main.getByText("contratto-locazione.pdf").waitFor();
    await assertAccessible("office-detail");

    await officeAction("Prendi in carico", /^Hai preso in carico la pratica\./, "Presa in carico");
    await definition(main, "In carico a").getByText(/operatore/i).waitFor();
    await assertAccessible("office-in-charge");

    const actions = page.getByRole("region", { name: "Azioni" });
    await actions.getByRole("button", { name: "Richiedi integrazione" }).click();
    const form = page.getByRole("form", { name: "Richiedi integrazione" });
    await form.getByRole("textbox", { name: /^Che cosa deve integrare il cittadino/ }).fill(INTEGRATION_REQUEST);
    await assertAccessible("office-integration-form");
    await form.getByRole("button", { name: "Invia la richiesta di integrazione" }).click();
    await actions.getByRole("status").getByText(/^La richiesta di integrazione è stata inviata al cittadino\./).waitFor();
    await definition(main, "Stato").getByText("Integrazione richiesta", { exact: true }).waitFor();
    await assertAccessible("office-integration-asked");
    await logOut();
  });
});

describe("the demo citizen, asked for more", () => {
  test("reads the request, adds the document and sends the integration", async () => {
    const { page } = browser;
    await logInAsCitizen();
    await page.goto(`${portal.baseUrl}/pratiche`);
    const row = page.getByRole("row").filter({ hasText: found.protocol });
    await row.getByText("Integrazione richiesta", { exact: true }).waitFor();
    await row.getByRole("link", { name: `Dettaglio: ${TYPE_NAME} ${found.protocol}` }).click();
    await heading(`${TYPE_NAME} – protocollo n. ${found.protocol}`).waitFor();
    const integration = page.getByRole("region", { name: "Integrazione richiesta" });
    await integration.getByText(INTEGRATION_REQUEST, { exact: true }).waitFor();
    await assertAccessible("integration-asked");
    // The office's request also reached the address given in the declaration.
    await mailWith(CONTACT_EMAIL, INTEGRATION_REQUEST);

    await attach(LICENCES, files.registration);
    await filesOf(LICENCES).getByText("carta-circolazione.pdf").waitFor();
    await integration.getByRole("textbox", { name: "Messaggio per l'ufficio (facoltativo)" }).fill("Allegata la carta di circolazione.");
    await assertAccessible("integration-attached");
    await integration.getByRole("button", { name: "Invia integrazione" }).click();
    await definition(page.locator("main"), "Stato").getByText("Integrata", { exact: true }).waitFor();
    assert.equal(await page.getByRole("region", { name: "Integrazione richiesta" }).count(), 0);
    await page.getByRole("region", { name: "Allegati" }).getByText("carta-circolazione.pdf").waitFor();
    await assertAccessible("integrated");
    await logOut();
  });
});

describe("the operator, once the citizen answered", () => {
  test("registers the declaration (accolta con riserva), then approves it", async () => {
    const { page } = browser;
    await logInAsOperator(false);
    const row = await openFromTheQueue("Integrata");
    await row.getByRole("link", { name: found.protocol }).click();
    await heading(`${TYPE_NAME} – protocollo n. ${found.protocol}`).waitFor();
    const main = page.locator("main");
    await page.getByRole("region", { name: "Allegati" }).getByText("carta-circolazione.pdf").waitFor();
    await page.getByRole("region", { name: "Storico" }).getByText("Allegata la carta di circolazione.").waitFor();

    await officeAction("Registra (accolta con riserva)", /^La dichiarazione è stata registrata\./, "Registrata (accolta con riserva)");
    await definition(main, "Registrata il").waitFor();
    await assertAccessible("office-registered");

    const actions = page.getByRole("region", { name: "Azioni" });
    await actions.getByRole("button", { name: "Accogli definitivamente" }).click();
    const form = page.getByRole("form", { name: "Accogli definitivamente" });
    await form.getByRole("textbox", { name: /^Nota per il cittadino/ }).fill("Accertamenti conclusi con esito positivo.");
    await form.getByRole("button", { name: "Conferma l'accoglimento" }).click();
    await actions.getByRole("status").getByText(/^La dichiarazione è stata accolta definitivamente\./).waitFor();
    await definition(main, "Stato").getByText("Accolta definitivamente", { exact: true }).waitFor();
    await actions.getByText("Nessuna azione possibile nello stato attuale.").waitFor();
    await assertAccessible("office-approved");

    const history = page.getByRole("table", { name: "Storico della pratica" });
    for (const state of ["Inviata", "Presa in carico", "Integrazione richiesta", "Integrata", "Registrata (accolta con riserva)", "Accolta definitivamente"]) {
      await history.getByRole("cell", { name: state, exact: true }).first().waitFor();
    }
    await logOut();
  });
});

describe("the demo citizen, after the approval", () => {
  test("reads the outcome in Stato richieste", async () => {
    const { page } = browser;
    await logInAsCitizen();
    await page.goto(`${portal.baseUrl}/pratiche`);
    const row = page.getByRole("row").filter({ hasText: found.protocol });
    await row.getByText("Accolta definitivamente", { exact: true }).waitFor();
    await row.getByRole("link", { name: /^Dettaglio/ }).click();
    const main = page.locator("main");
    await definition(main, "Nota dell'ufficio").getByText("Accertamenti conclusi con esito positivo.").waitFor();
    assert.equal(page.url(), found.practiceUrl);
    await assertAccessible("approved");
  });

  test("the family record shows the new address, with the two who moved", async () => {
    const { page } = browser;
    await page.goto(`${portal.baseUrl}/famiglia`);
    await heading("Visualizzazioni e certificati per il proprio nucleo familiare").waitFor();
    const members = page.getByRole("list", { name: "Componenti della famiglia" });
    await members.waitFor();
    await page.getByText(`Situazione alla data ${italianDate(isoDaysAgo(0))}`).waitFor();
    const address = page.locator("main .lead strong");
    const now = (await members.getByRole("heading", { level: 2 }).allTextContents()).map((s) => s.replace(/Tu$/, "").trim());
    assert.deepEqual(now, [found.applicant, found.child], "the applicant heads the new family, with the child");
    assert.equal(
      await definition(members.getByRole("listitem").first(), "Rapporto parentela").textContent(),
      "INTESTATARIO SCHEDA",
    );
    await assertAccessible("family-after");
    // The address comes with the members, in the same answer: read once the list is shown.
    assert.match(
      (await address.textContent()) ?? "",
      new RegExp(`^${escape(NEW_STREET)}, ${HOUSE_NUMBER} int\\. ${INTERIOR} - `, "i"),
    );
  });

  test("Situazione alla data of yesterday shows the old address, with the whole family", async () => {
    const { page } = browser;
    const members = page.getByRole("list", { name: "Componenti della famiglia" });
    const address = page.locator("main .lead strong");
    await page.goto(`${portal.baseUrl}/famiglia`);
    await members.waitFor();
    await page.getByLabel(/^Situazione alla data/).fill(isoDaysAgo(1));
    await page.getByRole("button", { name: "Visualizza", exact: true }).click();
    await page.getByText(`Situazione alla data ${italianDate(isoDaysAgo(1))}`).waitFor();
    await address.getByText(found.oldAddress, { exact: true }).waitFor();
    const before = (await members.getByRole("heading", { level: 2 }).allTextContents()).map((s) => s.replace(/Tu$/, "").trim());
    assert.deepEqual(before, found.members, "yesterday, the whole family at the old address");
    await assertAccessible("family-yesterday");
  });

  test("a certificate of residence issued now carries the new address", async () => {
    const { page } = browser;
    await page.goto(`${portal.baseUrl}/famiglia`);
    const self = page.getByRole("list", { name: "Componenti della famiglia" }).getByRole("listitem").first();
    await self.getByRole("link", { name: /^Certificazioni/ }).click();
    await heading("Richiesta di certificato").waitFor();
    await page.getByRole("combobox", { name: /^Seleziona certificato/ }).selectOption({ label: "Certificato di residenza" });
    await page
      .getByRole("combobox", { name: /^Seleziona uso certificato/ })
      .selectOption({
        label:
          "Si rilascia in esenzione dall'imposta di bollo ad uso pensione ai sensi dell'art. 12 della Tabella B allegata al D.P.R. 26 ottobre 1972, n. 642",
      });
    await page.getByRole("button", { name: "Richiedi il certificato" }).click();
    const step2 = page.getByRole("region", { name: "Passo 2: Scarica il certificato o ricevilo per email" });
    await step2.getByText("Certificato emesso e firmato digitalmente: Certificato di residenza.").waitFor();
    await assertAccessible("certificate-issued");
    const pdf = await downloadedPdf(() => step2.getByRole("button", { name: "Download", exact: true }).click());
    const oldStreet = found.oldAddress.split(",")[0];
    assert.ok(!pdf.flat.toUpperCase().includes(oldStreet.toUpperCase()), `not the old street ${oldStreet}:\n${pdf.text}`);
    assert.match(
      pdf.flat,
      new RegExp(`residente in questo Comune in ${escape(NEW_STREET)}, ${HOUSE_NUMBER} int\\. ${INTERIOR}\\.`, "i"),
      `the new address in the certificate:\n${pdf.text}`,
    );
  });
});
