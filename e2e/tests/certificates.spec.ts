// Certificates as the demo citizen meets them (issue 4): the family record on a chosen day;
// a stato di famiglia for a member in an exempt use, downloaded (a signed PDF naming the
// member) and e-mailed (the same PDF attached); a residenza in carta resa legale with its
// marca da bollo; both in "I miei certificati". A third-party look-up with its reason, which
// the person found then reads in "Chi ha consultato i miei dati". Anyone verifies a
// certificate on /verifica by typing, and by the QR: the URL printed in the QR (decoded from
// the rendered page) is the PDF's link, and opening it checks the seal in the browser; a
// 100-dpi scan of the page, chosen as a file on /verifica, is read too. The office revokes
// the certificate: its QR address then opens on the red verdict, in the first screen and
// with nothing green above it, on a phone (390×844) and a computer (1366×900).
// 0 axe violations (WCAG 2.1 AA) on every page visited.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Locator } from "playwright-core";
import { openBrowser, type Browser, assertAccessible as checkAccessible } from "../support/browser.ts";
import { linkUris, printedQrCodes, scannedPage } from "../support/certificatePdf.ts";
import { waitForMail } from "../support/mail.ts";
import { citizenAccount, logIn as logInThroughThePage, staffAccount, submitLoginForm } from "../support/login.ts";
import { startPortal, type Portal } from "../support/portal.ts";
import { assertVerdictFirst } from "../support/verdict.ts";

const PYTHON = process.env.PORTALE_TEST_PYTHON ?? resolve(import.meta.dirname, "../../.venv/bin/python");
const MAILBOX = "ufficio.pensioni@example.org";
const STAMP = "01190472630815";
const REASON = "Verifica dei dati per la successione ereditaria";

let portal: Portal;
let browser: Browser;
let work: string;

/** What the tests of this file learn as they go; they run in order. */
const found = {
  member: { surname: "", name: "", personId: "" },
  certificateId: "",
  pdf: "",
  /** The address the certificate's QR holds. */
  qrUrl: "",
};

before(async () => {
  portal = await startPortal();
  browser = await openBrowser();
  work = mkdtempSync(join(tmpdir(), "portale-certificates-"));
});

after(async () => {
  try {
    await browser?.close();
  } finally {
    await portal?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  }
});

const assertAccessible = (name: string) => checkAccessible(browser.page, name);

function heading(name: string | RegExp) {
  return browser.page.getByRole("heading", { level: 1, name });
}

/** The value a `<dl>` in `scope` gives for `term`. */
function definition(scope: Locator, term: string) {
  return scope
    .locator("dl > div")
    .filter({ has: browser.page.locator("dt", { hasText: new RegExp(`^${term}$`) }) })
    .locator("dd");
}

/** `YYYY-MM-DD` of `days` ago, local time, as date inputs want it. */
const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toLocaleDateString("sv-SE");
const italianDate = (iso: string) => iso.split("-").reverse().join("/");

async function logIn(fiscalCode: string, password: string) {
  await logInThroughThePage(browser.page, portal.baseUrl, citizenAccount({ fiscal_code: fiscalCode, password }));
}

async function logOut() {
  const banner = browser.page.getByRole("banner");
  await banner.getByRole("button", { name: /menu dell'utente/ }).click();
  await banner.getByRole("button", { name: "Esci" }).click();
  await browser.page.getByText(/Sei uscito dal portale/).waitFor();
  await assertAccessible("logged-out");
}

/** Step 1 of the wizard: the type, the use, the marca when the use wants one; then issue. */
async function issue(type: string, usage: string, stamp?: { identifier: string; date: string }) {
  const { page } = browser;
  await page.getByRole("combobox", { name: /^Seleziona certificato/ }).selectOption({ label: type });
  await page.getByRole("combobox", { name: /^Seleziona uso certificato/ }).selectOption({ label: usage });
  if (stamp) {
    await page.getByRole("textbox", { name: /^Codice identificativo della marca da bollo/ }).fill(stamp.identifier);
    await page.getByLabel(/^Data di emissione/).fill(stamp.date);
  }
  await assertAccessible(stamp ? "certificate-form-stamp" : "certificate-form-exempt");
  await page.getByRole("button", { name: "Richiedi il certificato" }).click();
  const step2 = page.getByRole("region", { name: "Passo 2: Scarica il certificato o ricevilo per email" });
  await step2.getByText(`Certificato emesso e firmato digitalmente: ${type}.`).waitFor();
  const id = (await step2.locator(".font-monospace").first().textContent()) ?? "";
  assert.match(id, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  return { step2, id };
}

/** Clicks Download in `scope`, saves the file, and returns its path and its text. */
async function downloadPdf(scope: Locator, id: string) {
  const downloading = browser.page.waitForEvent("download");
  await scope.getByRole("button", { name: "Download", exact: true }).click();
  const download = await downloading;
  assert.equal(download.suggestedFilename(), `certificato-${id}.pdf`);
  const path = join(work, download.suggestedFilename());
  await download.saveAs(path);
  assert.equal(readFileSync(path).subarray(0, 5).toString("latin1"), "%PDF-");
  await scope.getByText(`Il certificato è stato scaricato: certificato-${id}.pdf.`).waitFor();
  return { path, text: execFileSync("pdftotext", ["-layout", path, "-"], { encoding: "utf8" }) };
}

describe("the demo citizen", () => {
  test("sees the family record, and the situation on an earlier day", async () => {
    const { page } = browser;
    const { citizen } = portal.credentials;
    await logIn(citizen.fiscal_code, citizen.password);
    await page.goto(`${portal.baseUrl}/famiglia`);
    await heading("Visualizzazioni e certificati per il proprio nucleo familiare").waitFor();
    const members = page.getByRole("list", { name: "Componenti della famiglia" });
    await members.waitFor();
    const names = (await members.getByRole("heading", { level: 2 }).allTextContents()).map((s) => s.trim());
    assert.ok(names.length >= 3, `the demo family has three or more members: ${names.join(", ")}`);
    assert.match(names[0], /Tu$/, "the head, the demo citizen, comes first");
    await page.getByText(`Situazione alla data ${italianDate(isoDaysAgo(0))}`).waitFor();
    const self = members.getByRole("listitem").first();
    assert.equal(await definition(self, "Codice Fiscale").textContent(), citizen.fiscal_code);
    assert.equal(await definition(self, "Rapporto parentela").textContent(), "INTESTATARIO SCHEDA");
    await assertAccessible("family");

    await page.getByLabel(/^Situazione alla data/).fill(isoDaysAgo(30));
    await page.getByRole("button", { name: "Visualizza", exact: true }).click();
    await page.getByText(`Situazione alla data ${italianDate(isoDaysAgo(30))}`).waitFor();
    assert.match(page.url(), new RegExp(`data=${isoDaysAgo(30)}$`));
    await assertAccessible("family-earlier-day");

    // A day before the family existed: said in words, with the date still there to change.
    browser.expectConsoleError(/status of 404/);
    await page.getByLabel(/^Situazione alla data/).fill("1900-01-01");
    await page.getByRole("button", { name: "Visualizza", exact: true }).click();
    await page.getByText("Nessuna famiglia registrata al 01/01/1900").waitFor();
    assert.equal(await page.getByText(/La risorsa richiesta non esiste/).count(), 0);
    await assertAccessible("family-before-it-existed");
    await page.getByLabel(/^Situazione alla data/).fill(isoDaysAgo(1));
    await page.getByRole("button", { name: "Visualizza", exact: true }).click();
    await members.waitFor();
    await page.getByText(`Situazione alla data ${italianDate(isoDaysAgo(1))}`).waitFor();
  });

  test("issues a stato di famiglia for a member, for a pension (exempt), and downloads it", async () => {
    const { page } = browser;
    await page.goto(`${portal.baseUrl}/famiglia`);
    const member = page.getByRole("list", { name: "Componenti della famiglia" }).getByRole("listitem").nth(1);
    await member.getByRole("link", { name: /^Dettaglio/ }).click();
    await heading("Posizione anagrafica").waitFor();
    found.member.surname = (await definition(page.locator("main"), "Cognome").textContent()) ?? "";
    found.member.name = (await definition(page.locator("main"), "Nome").textContent()) ?? "";
    assert.ok(found.member.surname && found.member.name);
    await assertAccessible("family-member");

    await page.goBack();
    await member.getByRole("link", { name: /^Certificazioni/ }).click();
    await heading("Richiesta di certificato").waitFor();
    const subject = page.getByRole("region", { name: "Il certificato riguarda" });
    assert.equal(
      await definition(subject, "Cognome e nome").textContent(),
      `${found.member.surname} ${found.member.name}`,
    );
    const { step2, id } = await issue(
      "Certificato di stato di famiglia",
      "Si rilascia in esenzione dall'imposta di bollo ad uso pensione ai sensi dell'art. 12 della Tabella B allegata al D.P.R. 26 ottobre 1972, n. 642",
    );
    found.certificateId = id;
    await assertAccessible("certificate-issued");

    const pdf = await downloadPdf(step2, id);
    found.pdf = pdf.path;
    assert.ok(pdf.text.includes(found.member.surname), `the member's surname in the certificate:\n${pdf.text}`);
    assert.match(pdf.text, /ad uso pensione/);
  });

  test("e-mails it: the message carries the same signed PDF", async () => {
    const { page } = browser;
    const step2 = page.getByRole("region", { name: "Passo 2: Scarica il certificato o ricevilo per email" });
    await step2.getByRole("button", { name: "Invia certificato per email" }).click();
    const form = page.getByRole("form", { name: "Invia certificato per email" });
    await form.getByRole("textbox", { name: /^Email destinatario/ }).fill(MAILBOX);
    await form.getByRole("textbox", { name: "Messaggio" }).fill("In allegato il certificato richiesto.");
    await assertAccessible("certificate-email-form");
    await form.getByRole("button", { name: "Invia", exact: true }).click();
    await step2.getByText(`Il certificato è stato inviato a ${MAILBOX}.`).waitFor();
    await assertAccessible("certificate-emailed");

    const mail = await waitForMail(portal.dataDir, MAILBOX);
    assert.match(mail.text, /In allegato il certificato richiesto\./);
    assert.deepEqual(
      mail.attachments.map((a) => [a.fileName, a.contentType]),
      [[`certificato-${found.certificateId}.pdf`, "application/pdf"]],
    );
    assert.ok(mail.attachments[0].content.equals(readFileSync(found.pdf)), "the attachment is the downloaded PDF");
  });

  test("issues a residenza in carta resa legale with a marca da bollo", async () => {
    const { page } = browser;
    await page.goto(`${portal.baseUrl}/famiglia`);
    const self = page.getByRole("list", { name: "Componenti della famiglia" }).getByRole("listitem").first();
    await self.getByRole("link", { name: /^Certificazioni/ }).click();
    await heading("Richiesta di certificato").waitFor();
    const stampDate = isoDaysAgo(2);
    const { step2, id } = await issue("Certificato di residenza", "Si rilascia in carta resa legale", {
      identifier: STAMP,
      date: stampDate,
    });
    await step2
      .getByText(`Sul certificato stampato applica la marca da bollo n. ${STAMP} del ${italianDate(stampDate)}`, {
        exact: false,
      })
      .waitFor();
    await assertAccessible("certificate-issued-stamp");
    const pdf = await downloadPdf(step2, id);
    assert.match(
      pdf.text.replace(/\s+/g, " "),
      new RegExp(`contrassegno telematico n\\. ${STAMP} del ${italianDate(stampDate)}`),
    );
  });

  test("finds both in I miei certificati", async () => {
    const { page } = browser;
    await page.getByRole("link", { name: "I miei certificati" }).first().click();
    await heading("I miei certificati").waitFor();
    const table = page.getByRole("table", { name: "Certificati richiesti: 2, dal più recente" });
    const rows = table.locator("tbody tr");
    await table.waitFor();
    assert.equal(await rows.count(), 2);
    await rows.nth(0).getByRole("rowheader", { name: "Certificato di residenza" }).waitFor();
    await rows.nth(0).getByText("Si rilascia in carta resa legale").waitFor();
    await rows.nth(1).getByRole("rowheader", { name: "Certificato di stato di famiglia" }).waitFor();
    await rows.nth(1).getByRole("cell", { name: found.certificateId, exact: true }).waitFor();
    await rows.nth(1).getByText(`${found.member.surname} ${found.member.name}`).waitFor();
    for (const row of [rows.nth(0), rows.nth(1)]) await row.getByText("Valido", { exact: true }).waitFor();
    await assertAccessible("my-certificates");
  });

  test("looks up the other demo citizen for a third-party certificate, giving a reason", async () => {
    const { page } = browser;
    await page.goto(`${portal.baseUrl}/certificazione-libera`);
    await heading("Certificazioni per terze persone").waitFor();
    await page.getByRole("textbox", { name: /^Codice fiscale/ }).fill(portal.credentials.citizen2.fiscal_code);
    await page.getByRole("textbox", { name: /^Motivo della richiesta/ }).fill(REASON);
    await page.getByRole("button", { name: "RICERCA" }).click();
    const results = page.getByRole("region", { name: "Esito della ricerca" });
    await results.getByRole("heading", { level: 3 }).waitFor();
    assert.equal(await results.getByRole("heading", { level: 3 }).count(), 1);
    await assertAccessible("third-party-found");
    await results.getByRole("button", { name: /^Certificazioni/ }).click();
    await heading("Richiesta di certificato").waitFor();
    const subject = page.getByRole("region", { name: "Certificato per terza persona" });
    assert.equal(await definition(subject, "Motivo della richiesta").textContent(), REASON);
    await assertAccessible("third-party-certificate-form");
    await logOut();
  });
});

describe("anyone holding the certificate", () => {
  test("verifies it on /verifica by typing the surname, the name and the ID", async () => {
    const { page } = browser;
    await page.goto(`${portal.baseUrl}/verifica`);
    await heading("Verifica di un certificato").waitFor();
    await assertAccessible("verify");
    const form = page.getByRole("form", { name: "Verifica di un certificato" });
    await form.getByRole("textbox", { name: /^Cognome/ }).fill(found.member.surname.toLowerCase());
    await form.getByRole("textbox", { name: /^Nome/ }).fill(found.member.name);
    await form.getByRole("textbox", { name: /^Identificativo del certificato/ }).fill(found.certificateId.replaceAll("-", " "));
    await form.getByRole("button", { name: "Verifica" }).click();
    const verdict = page.getByRole("region", { name: "Esito della verifica" });
    await verdict.getByRole("heading", { level: 2, name: "Certificato valido" }).waitFor();
    const record = page.getByRole("region", { name: "Il certificato nell'archivio del Comune" });
    assert.equal(await definition(record, "Identificativo del certificato").textContent(), found.certificateId);
    assert.equal(await definition(record, "Tipo di certificato").textContent(), "Certificato di stato di famiglia");
    assert.equal(
      await definition(record, "Intestatario").textContent(),
      `${found.member.surname} ${found.member.name}`,
    );
    await assertAccessible("verify-valid");
  });

  test("the QR printed on the PDF is its link, and opening it checks the seal in the browser", async () => {
    const { page } = browser;
    const links = linkUris(found.pdf, work);
    assert.equal(links.length, 1, `one link in the PDF: ${links.join(", ")}`);
    const qr = printedQrCodes(found.pdf, work, PYTHON);
    assert.deepEqual(qr, links, "the printed QR holds the link's URL");
    const url = new URL(links[0]);
    assert.equal(url.origin, new URL(portal.credentials.base_url).origin);
    assert.equal(url.pathname, `/verifica/${found.certificateId}`);
    assert.match(url.hash, /^#[A-Za-z0-9_-]{100,}$/, "an unpadded base64url seal");

    // A seal changed by one character must not pass: the browser checks its signature.
    const middle = Math.floor(url.hash.length / 2);
    const tampered = url.hash.slice(0, middle) + (url.hash[middle] === "A" ? "B" : "A") + url.hash.slice(middle + 1);
    await page.goto(`${url.origin}${url.pathname}${tampered}`);
    await page.getByRole("alert").getByRole("heading", { name: "Timbro non valido" }).waitFor();
    assert.equal(await page.locator(".alert-success").count(), 0);
    await assertAccessible("verify-seal-tampered");

    await page.goto("about:blank"); // a full load: only the fragment differs
    await page.goto(url.href);
    await heading("Verifica di un certificato").waitFor();
    const verdict = page.getByRole("region", { name: "Esito della verifica" });
    await verdict.getByRole("heading", { level: 2, name: "Certificato valido" }).waitFor();
    await verdict.getByText("Il timbro digitale è autentico e corrisponde al documento conservato dal Comune.").waitFor();
    const seal = page.getByRole("region", { name: "Timbro digitale" });
    assert.equal(await definition(seal, "Identificativo del certificato").textContent(), found.certificateId);
    // The type's name comes from the catalogue, after the seal: waited for, not read at once.
    await definition(seal, "Tipo di certificato").getByText("Certificato di stato di famiglia", { exact: true }).waitFor();
    assert.equal(await definition(seal, "Cognome").textContent(), found.member.surname);
    assert.equal(await definition(seal, "Nome").textContent(), found.member.name);
    assert.match((await definition(seal, "Chiave di firma").textContent()) ?? "", /\(chiave in uso\)$/);
    assert.equal(await page.getByText("stato_famiglia").count(), 0, "the type's name, not its code");
    await assertAccessible("verify-seal");
    found.qrUrl = url.href;
    await assertVerdictFirst(browser.page, url.href, "Certificato valido", "verdict-valid");
  });

  test("reads the QR from a 100-dpi scan of the printed page and opens its verification", async () => {
    const { page } = browser;
    await page.goto(`${portal.baseUrl}/verifica`);
    await heading("Verifica di un certificato").waitFor();
    await page.getByLabel("Foto o scansione del QR Code").setInputFiles(scannedPage(found.pdf, work));
    await page.waitForURL((address) => address.pathname === `/verifica/${found.certificateId}`);
    assert.equal(page.url(), found.qrUrl, "the address the QR holds, seal included");
    const verdict = page.getByRole("region", { name: "Esito della verifica" });
    await verdict.getByRole("heading", { level: 2, name: "Certificato valido" }).waitFor();
  });
});

describe("the person looked up", () => {
  test("reads who consulted the data, with the reason given", async () => {
    const { page } = browser;
    const { citizen2 } = portal.credentials;
    await logIn(citizen2.fiscal_code, citizen2.password);
    await page.goto(`${portal.baseUrl}/chi-ha-consultato-i-miei-dati`);
    await heading("Chi ha consultato i miei dati").waitFor();
    const table = page.getByRole("table", { name: "Consultazioni dei tuoi dati, dalla più recente" });
    const row = table.getByRole("row").filter({ hasText: REASON });
    await row.waitFor();
    assert.equal(await row.count(), 1);
    await row.getByText("Ricerca di una persona").waitFor();
    await row.getByText("Cittadino", { exact: true }).waitFor();
    await row.getByText(portal.credentials.citizen.fiscal_code, { exact: false }).waitFor();
    await assertAccessible("access-log");
  });
});

describe("the registry office", () => {
  test("revokes the stato di famiglia with a reason, and verification then says it is revoked", async () => {
    const { page } = browser;
    const { operator } = portal.credentials;
    await logOut();
    await submitLoginForm(page, portal.baseUrl, staffAccount(operator));
    await heading("Scegli una nuova password").waitFor();
    await page.getByLabel(/^Password attuale/).fill(operator.password);
    await page.getByLabel(/^Nuova password/).fill("Sportello2026");
    await page.getByLabel(/^Conferma la nuova password/).fill("Sportello2026");
    await page.getByRole("button", { name: "Salva la nuova password" }).click();

    await page.getByRole("navigation", { name: "Back office" }).getByRole("link", { name: "Certificati rilasciati" }).click();
    await heading("Certificati rilasciati").waitFor();
    const row = page.getByRole("row").filter({ hasText: found.certificateId });
    await row.waitFor();
    await assertAccessible("backoffice-issued-certificates");
    await row.getByRole("button", { name: `Revoca ${found.certificateId}` }).click();
    await page.getByRole("textbox", { name: /Motivo della revoca/ }).fill("Rilasciato su dati anagrafici da rettificare");
    await assertAccessible("backoffice-revoke-form");
    await page.getByRole("button", { name: "Conferma revoca" }).click();
    await page.getByText(`Il certificato ${found.certificateId} è stato revocato.`).waitFor();
    await row.getByText("Revocato").waitFor();

    await page.goto(`${portal.baseUrl}/verifica`);
    const form = page.getByRole("form", { name: "Verifica di un certificato" });
    await form.getByRole("textbox", { name: /^Cognome/ }).fill(found.member.surname);
    await form.getByRole("textbox", { name: /^Nome/ }).fill(found.member.name);
    await form.getByRole("textbox", { name: /^Identificativo del certificato/ }).fill(found.certificateId);
    await form.getByRole("button", { name: "Verifica" }).click();
    const verdict = page.getByRole("region", { name: "Esito della verifica" });
    await verdict.getByRole("heading", { level: 2, name: "Certificato revocato" }).waitFor();
    // When, and that the office has the reason; the reason itself is not public.
    await verdict.getByText(/^Il certificato è stato revocato dal Comune il \d{1,2} \w+ \d{4}/).waitFor();
    await verdict.getByText(/Il motivo della revoca è agli atti dell'Ufficio Servizi Demografici/).waitFor();
    assert.equal(await page.getByText("Rilasciato su dati anagrafici da rettificare").count(), 0);
    assert.equal(await page.getByText("Valido fino al").count(), 0);
    await assertAccessible("verify-revoked");
  });

  test("the revoked certificate's QR opens on the red verdict, on a phone and on a computer", async () => {
    await assertVerdictFirst(browser.page, found.qrUrl, "Certificato revocato", "verdict-revoked");
    const record = browser.page.getByRole("region", { name: "Il certificato nell'archivio del Comune" });
    await definition(record, "Revocato il").waitFor();
    assert.equal(await browser.page.getByText("Valido fino al").count(), 0);
  });
});
