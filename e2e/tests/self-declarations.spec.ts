// Self-declarations as people meet them (SPEC §5, seed 000 "Autocertificazione Assistita",
// seed 001 §6): the demo citizen, a resident, opens the service from the catalogue, writes a
// dichiarazione di residenza prefilled from the registry (the particulars read-only, the
// address editable), checks the text, prints it (the PDF names the declarant, says DICHIARA
// and residente), e-mails it (the same PDF attached) and finds it in the archive. The demo
// non-resident writes one by hand, typing municipality and address. An anonymous visitor
// downloads a blank form, in Italian and in English. 0 axe violations (WCAG 2.1 AA) on every
// page visited.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Locator } from "playwright-core";
import { openBrowser, type Browser, assertAccessible as checkAccessible } from "../support/browser.ts";
import { waitForMail } from "../support/mail.ts";
import { citizenAccount, logIn as logInThroughThePage } from "../support/login.ts";
import { startPortal, type Portal } from "../support/portal.ts";

const MAILBOX = "protocollo.scuola@example.org";
const NEW_PASSWORD = "Forestiera2026";

let portal: Portal;
let browser: Browser;
let work: string;

/** What the tests of this file learn as they go; they run in order. */
const found = {
  surname: "",
  name: "",
  address: "",
  declarationId: "",
  pdf: "",
};

before(async () => {
  portal = await startPortal();
  browser = await openBrowser();
  work = mkdtempSync(join(tmpdir(), "portale-self-declarations-"));
});

after(async () => {
  try {
    await browser?.close();
  } finally {
    await portal?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  }
});

const assertAccessible = (name: string) => checkAccessible(browser.page, `self-declarations-${name}`);

function heading(name: string | RegExp, level = 1) {
  return browser.page.getByRole("heading", { level, name });
}

async function logIn(fiscalCode: string, password: string) {
  await logInThroughThePage(browser.page, portal.baseUrl, citizenAccount({ fiscal_code: fiscalCode, password }));
}

async function logOut() {
  const banner = browser.page.getByRole("banner");
  await banner.getByRole("button", { name: /menu dell'utente/ }).click();
  await banner.getByRole("button", { name: "Esci" }).click();
  await browser.page.getByText(/Sei uscito dal portale/).waitFor();
}

/** Saves the download that `action` starts; returns its name, path and text. */
async function downloaded(action: () => Promise<void>) {
  const downloading = browser.page.waitForEvent("download");
  await action();
  const download = await downloading;
  const name = download.suggestedFilename();
  const path = join(work, name);
  await download.saveAs(path);
  assert.equal(readFileSync(path).subarray(0, 5).toString("latin1"), "%PDF-", `${name} is a PDF`);
  const text = execFileSync("pdftotext", ["-layout", path, "-"], { encoding: "utf8" });
  return { name, path, text, flat: text.replace(/\s+/g, " ") };
}

/** Passo 1: the type, then Avanti; waits for Passo 2. */
async function chooseType(name: string) {
  const { page } = browser;
  await heading("Passo 1: Scegli la dichiarazione", 2).waitFor();
  // Bootstrap Italia draws the radio on its label, which takes the click.
  await page.getByRole("radio", { name, exact: true }).check({ force: true });
  await page.getByRole("button", { name: "Avanti" }).click();
  await heading("Passo 2: Completa i dati", 2).waitFor();
}

/** The value of an input, checking whether the declarant may change it. */
async function field(name: RegExp) {
  const input = browser.page.getByRole("textbox", { name });
  await input.waitFor();
  return {
    input,
    value: await input.inputValue(),
    readOnly: (await input.getAttribute("readonly")) !== null,
    description: (await input.evaluate((el) => {
      const ids = (el.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
      return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
    })) as string,
  };
}

/** Passo 2 → Passo 3 → Stampa: returns the PDF downloaded and the declaration's id. */
async function previewAndPrint(shot: string) {
  const { page } = browser;
  await page.getByRole("button", { name: "Avanti" }).click();
  await heading("Passo 3: Controlla e stampa", 2).waitFor();
  const text = page.getByRole("article", { name: /^DICHIARAZIONE SOSTITUTIVA DI CERTIFICAZIONE/ });
  await text.getByText("DICHIARA", { exact: true }).waitFor();
  await assertAccessible(`${shot}-preview`);
  const pdf = await downloaded(() => page.getByRole("button", { name: "Stampa" }).click());
  const saved = page.getByRole("region", { name: "Scegli come ottenerla" });
  await saved.getByText("Autocertificazione pronta: Dichiarazione di residenza.").waitFor();
  const id = ((await saved.locator(".font-monospace").first().textContent()) ?? "").trim();
  assert.ok(id, "the declaration's id is shown");
  assert.equal(pdf.name, `autocertificazione-${id}.pdf`);
  await saved.getByText(`L'autocertificazione è stata scaricata: ${pdf.name}.`).waitFor();
  return { pdf, id, saved };
}

/** A row of a table whose row header is `name`. */
function rowOf(table: Locator, name: string) {
  return table.locator("tbody tr").filter({ has: browser.page.getByRole("rowheader", { name, exact: true }) });
}

describe("the demo citizen, resident", () => {
  test("opens the service from the catalogue: notices, archive, blank forms", async () => {
    const { page } = browser;
    const { citizen } = portal.credentials;
    await logIn(citizen.fiscal_code, citizen.password);
    await page.goto(`${portal.baseUrl}/`);
    await heading("Servizi online dell'Anagrafe").waitFor();
    await page.getByRole("main").getByRole("link", { name: /Autocertificazione assistita/ }).click();
    await heading("Autocertificazione assistita").waitFor();
    assert.match(page.url(), /\/autocertificazioni$/);
    await page.getByText("L'autocertificazione va stampata e firmata prima di consegnarla al destinatario.").waitFor();
    await page
      .getByText(
        "Per le dichiarazioni sostitutive di atto notorio è necessario allegare anche copia del documento d'identità del firmatario.",
      )
      .waitFor();
    await heading("Archivio autocertificazioni", 2).waitFor();
    await page.getByText("Non hai ancora compilato autocertificazioni.").waitFor();
    const blank = page.getByRole("region", { name: "Moduli in bianco" });
    await blank.getByRole("link", { name: "Dichiarazione di residenza", exact: true }).waitFor();
    assert.equal(await blank.getByRole("link").count(), 18, "one blank form per type");
    await assertAccessible("home-citizen");
  });

  test("writes a dichiarazione di residenza prefilled from the registry", async () => {
    const { page } = browser;
    await page.getByRole("link", { name: "Nuova autocertificazione" }).click();
    await heading("Nuova autocertificazione").waitFor();
    await assertAccessible("step1");
    await chooseType("Dichiarazione di residenza");

    const surname = await field(/^Cognome/);
    const name = await field(/^Nome/);
    const fiscalCode = await field(/^Codice fiscale/);
    assert.ok(surname.value, "the surname is filled in");
    assert.ok(surname.readOnly, "the surname cannot be changed");
    assert.match(surname.description, /dati anagrafici del dichiarante/);
    assert.ok(name.readOnly);
    assert.equal(fiscalCode.value, portal.credentials.citizen.fiscal_code);
    assert.ok(fiscalCode.readOnly);
    const address = await field(/^Indirizzo di residenza/);
    assert.ok(address.value, "the address comes from the registry");
    assert.ok(!address.readOnly, "a registry fact stays editable");
    assert.match(address.description, /dato dell'anagrafe/);
    const municipality = await field(/^Comune di residenza/);
    assert.ok(municipality.value, "the municipality comes from the registry");
    assert.equal(await page.getByText("Non risulti residente in questo Comune").count(), 0);
    found.surname = surname.value;
    found.name = name.value;
    found.address = address.value;
    await assertAccessible("step2-resident");

    // Back to the type and forth again: nothing typed is lost.
    await address.input.fill(`${found.address} `);
    await page.getByRole("button", { name: "Indietro" }).click();
    await heading("Passo 1: Scegli la dichiarazione", 2).waitFor();
    assert.ok(await page.getByRole("radio", { name: "Dichiarazione di residenza", exact: true }).isChecked());
    await page.getByRole("button", { name: "Avanti" }).click();
    await heading("Passo 2: Completa i dati", 2).waitFor();
    assert.equal((await field(/^Indirizzo di residenza/)).value, `${found.address} `);

    const { pdf, id } = await previewAndPrint("resident");
    found.declarationId = id;
    found.pdf = pdf.path;
    assert.ok(pdf.flat.includes(found.surname), `the declarant's surname in the PDF:\n${pdf.text}`);
    assert.ok(pdf.flat.includes(found.name), `the declarant's name in the PDF:\n${pdf.text}`);
    assert.match(pdf.flat, /DICHIARA/);
    assert.match(pdf.flat, /residente/);
    // The form prints the address as the registry writes it, in capitals.
    assert.ok(
      pdf.flat.toUpperCase().includes(found.address.trim().toUpperCase()),
      `the address in the PDF:\n${pdf.text}`,
    );
    await assertAccessible("printed");
  });

  test("e-mails it: the message carries the same PDF", async () => {
    const { page } = browser;
    const saved = page.getByRole("region", { name: "Scegli come ottenerla" });
    await saved.getByRole("button", { name: "Invia autocertificazione per email" }).click();
    const form = page.getByRole("form", { name: "Invia autocertificazione per email" });
    await form.getByRole("textbox", { name: /^Email destinatario/ }).fill(MAILBOX);
    await form.getByRole("textbox", { name: "Messaggio" }).fill("In allegato la dichiarazione di residenza.");
    await assertAccessible("email-form");
    await form.getByRole("button", { name: "Invia", exact: true }).click();
    await saved.getByText(`L'autocertificazione è stata inviata a ${MAILBOX}.`).waitFor();
    await assertAccessible("emailed");

    const mail = await waitForMail(portal.dataDir, MAILBOX);
    assert.match(mail.text, /In allegato la dichiarazione di residenza\./);
    assert.equal(mail.attachments.length, 1, "one attachment");
    assert.equal(mail.attachments[0].contentType, "application/pdf");
    assert.ok(mail.attachments[0].content.equals(readFileSync(found.pdf)), "the attachment is the PDF printed");
  });

  test("finds it in the archive and downloads it again, the same file", async () => {
    const { page } = browser;
    await page.getByRole("link", { name: "Archivio autocertificazioni" }).click();
    await heading("Autocertificazione assistita").waitFor();
    const table = page.getByRole("table", { name: "Autocertificazioni compilate: 1, dalla più recente" });
    await table.waitFor();
    const row = rowOf(table, "Dichiarazione di residenza");
    await row.getByText(found.declarationId, { exact: true }).waitFor();
    await assertAccessible("archive");
    const again = await downloaded(() => row.getByRole("button", { name: /^Download/ }).click());
    assert.ok(readFileSync(again.path).equals(readFileSync(found.pdf)), "the archive keeps the PDF as printed");
    await page.getByText(`L'autocertificazione è stata scaricata: autocertificazione-${found.declarationId}.pdf.`).waitFor();
    await logOut();
  });
});

/** A date of birth as the fiscal code holds it (year, month letter, day + 40 for women). */
function birthDateOf(fiscalCode: string): string {
  const months = "ABCDEHLMPRST";
  const yy = Number(fiscalCode.slice(6, 8));
  const thisYear = new Date().getFullYear() % 100;
  const year = (yy <= thisYear ? 2000 : 1900) + yy;
  const month = months.indexOf(fiscalCode[8]) + 1;
  const day = Number(fiscalCode.slice(9, 11)) % 40;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

describe("the demo citizen who is not resident", () => {
  test("writes a dichiarazione di residenza by hand and gets its PDF", async () => {
    const { page } = browser;
    const { nonresident } = portal.credentials;
    await logIn(nonresident.fiscal_code, nonresident.password);
    await heading("Scegli una nuova password").waitFor();
    await page.getByLabel(/^Password attuale/).fill(nonresident.password);
    await page.getByLabel(/^Nuova password/).fill(NEW_PASSWORD);
    await page.getByLabel(/^Conferma la nuova password/).fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Salva la nuova password" }).click();
    await heading("Servizi online dell'Anagrafe").waitFor();

    await page.goto(`${portal.baseUrl}/autocertificazioni/nuova`);
    await heading("Nuova autocertificazione").waitFor();
    await chooseType("Dichiarazione di residenza");
    await page.getByText("Non risulti residente in questo Comune").waitFor();
    const surname = await field(/^Cognome/);
    assert.ok(surname.readOnly, "the particulars come from the identified account");
    assert.match(surname.description, /profilo verificato allo sportello/);
    assert.equal((await field(/^Codice fiscale/)).value, nonresident.fiscal_code);

    // What the account does not hold, its fiscal code says: locked as well.
    const birthDate = page.getByLabel(/^Data di nascita/);
    assert.equal(await birthDate.inputValue(), birthDateOf(nonresident.fiscal_code).split("-").reverse().join("/"));
    assert.notEqual(await birthDate.getAttribute("readonly"), null, "the birth date is locked");
    const birthPlace = await field(/^Luogo di nascita/);
    assert.equal(birthPlace.value, "MILANO (MI)");
    assert.ok(birthPlace.readOnly, "the birth place is locked");

    const municipality = await field(/^Comune di residenza/);
    const address = await field(/^Indirizzo di residenza/);
    assert.equal(municipality.value, "", "nothing comes from the registry");
    assert.equal(address.value, "");
    assert.doesNotMatch(address.description, /dato dell'anagrafe/);
    await municipality.input.fill("TORINO");
    await address.input.fill("CORSO FRANCIA, 21");
    await assertAccessible("step2-nonresident");

    const { pdf } = await previewAndPrint("nonresident");
    assert.match(pdf.flat, /ESTERNI/i);
    assert.match(pdf.flat, /DICHIARA/);
    assert.match(pdf.flat, /residente/);
    assert.match(pdf.flat, /TORINO/);
    assert.match(pdf.flat, /CORSO FRANCIA, 21/);
    await logOut();
  });
});

describe("an anonymous visitor", () => {
  test("is invited to log in, and downloads a blank form", async () => {
    const { page } = browser;
    await page.goto(`${portal.baseUrl}/autocertificazioni`);
    await heading("Autocertificazione assistita").waitFor();
    const invitation = page.getByRole("region", { name: "Autocertificazione precompilata" });
    await invitation.getByRole("link", { name: "Accedi per compilare" }).waitFor();
    assert.equal(await page.getByRole("link", { name: "Nuova autocertificazione" }).count(), 0);
    assert.equal(await page.getByRole("heading", { name: "Archivio autocertificazioni" }).count(), 0);
    await assertAccessible("home-anonymous");

    const blank = page.getByRole("region", { name: "Moduli in bianco" });
    const pdf = await downloaded(() =>
      blank.getByRole("link", { name: "Dichiarazione sostitutiva dell'atto di notorietà", exact: true }).click(),
    );
    assert.match(pdf.flat, /DICHIARA/);
    assert.match(pdf.flat, /notoriet/i);
  });

  test("reads the service in English", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: /EN/ }).click();
    await heading("Assisted self-declaration").waitFor();
    await page.getByRole("heading", { level: 2, name: "Blank forms" }).waitFor();
    await page.getByText("The self-declaration must be printed and signed before it is handed to the recipient.").waitFor();
    await page.getByRole("link", { name: "Log in to fill it in" }).waitFor();
    await assertAccessible("home-anonymous-en");
    await page.getByRole("button", { name: /IT/ }).click();
    await heading("Autocertificazione assistita").waitFor();
  });
});
