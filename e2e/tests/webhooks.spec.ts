// Webhooks, from the back office to a receiver: the administrator follows the link of the
// Applicazioni page to "Webhook", registers one for the demo's application (the form first
// explains its mistakes, then shows the server's refusal of a plain-HTTP address elsewhere)
// towards a receiver this test runs on 127.0.0.1, for "Rilascio di un certificato", and
// reads the signing secret, shown once, from the page. The demo citizen gets a certificate
// (through the API); the receiver gets the notification within seconds, and its signature
// checks with node:crypto's HMAC and the secret the page showed; the event id header is the
// body's id. The administrator sees the delivery as delivered under "Consegne"; a second
// notification, answered 503 by the receiver, shows as the webhook's last error and as a
// delivery waiting for its next attempt. Then the webhook is disabled: that delivery shows
// as not sent. 0 axe violations
// (WCAG 2.1 AA) on every state photographed; each is also photographed and checked for cut
// controls at 390 px.
import assert from "node:assert/strict";
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import type { Locator } from "playwright-core";
import { apiToken, call } from "../support/api.ts";
import { openBrowser, type Browser, assertAccessible as checkAccessible } from "../support/browser.ts";
import { assertNothingCut } from "../support/layout.ts";
import { demoAccount, submitLoginForm } from "../support/login.ts";
import { startPortal, type Portal } from "../support/portal.ts";

let portal: Portal;
let browser: Browser;
let receiver: Receiver;

const ADMIN_PASSWORD = "Amministra2026";
const DEMO_APPLICATION = "Verifiche demo";
const EVENT = "Rilascio di un certificato";
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

/** What the tests of this file learn as they go; they run in order. */
const found = { secret: "", url: "", certificateId: "", eventId: "" };

/** One request the receiver got, its body as the bytes came. */
interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on 127.0.0.1: records every request and answers what it is told to. */
interface Receiver {
  url: string;
  requests: Received[];
  answer: { status: number; text: string };
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const requests: Received[] = [];
  const answer = { status: 200, text: "ricevuto" };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      requests.push({
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      res.writeHead(answer.status, { "content-type": "text/plain; charset=utf-8" });
      res.end(answer.text);
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/portale/webhook`,
    requests,
    answer,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

before(async () => {
  portal = await startPortal();
  receiver = await startReceiver();
  browser = await openBrowser();
  await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: portal.baseUrl });
  await browser.page.setViewportSize(DESKTOP);
});

after(async () => {
  try {
    await browser?.close();
  } finally {
    await receiver?.close();
    await portal?.stop();
  }
});

const assertAccessible = (name: string) => checkAccessible(browser.page, `webhooks-${name}`);

/** The page as it is now at 390 px: nothing cut, axe-clean, photographed; then back to 1366. */
async function onPhone(name: string) {
  const { page } = browser;
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(200);
  await assertNothingCut(page, `Webhook (${name}) at 390 px`);
  await assertAccessible(`${name}-phone-390`);
  await page.setViewportSize(DESKTOP);
  await page.waitForTimeout(200);
}

function heading(name: string | RegExp) {
  return browser.page.getByRole("heading", { level: 1, name });
}

function sections() {
  return browser.page.getByRole("navigation", { name: "Back office" });
}

function webhookRow() {
  return browser.page.getByRole("table", { name: /webhook registrat[oi]/ }).getByRole("row", { name: new RegExp(DEMO_APPLICATION) });
}

/** Ticks a check box by its label, as a person does: Bootstrap Italia draws the box there. */
async function tick(scope: Locator, label: string) {
  await scope.locator("label", { hasText: label }).click();
  assert.ok(await scope.getByRole("checkbox", { name: label }).isChecked(), `${label} ticked`);
}

/** Waits for the receiver's `count`-th request, polling as the worker does (every 2 s). */
async function received(count: number): Promise<Received> {
  const deadline = Date.now() + 20_000;
  while (receiver.requests.length < count) {
    assert.ok(Date.now() < deadline, `the receiver got ${receiver.requests.length} of ${count} notifications in 20 s`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return receiver.requests[count - 1] as Received;
}

/** The demo citizen gets a certificate of residence, through the API; answers its id. */
async function issueCertificate(): Promise<string> {
  const { citizen } = portal.credentials;
  const token = await apiToken(portal.baseUrl, citizen);
  const issued = await call<{ id: string }>(portal.baseUrl, "/api/v1/certificates", {
    token,
    body: { type: "residenza", person_id: citizen.person_id, usage: "pensione" },
  });
  return issued.id;
}

const header = (request: Received, name: string) => {
  const value = request.headers[name];
  assert.equal(typeof value, "string", `${name} is there, once`);
  return value as string;
};

describe("administrator", () => {
  test("follows the link of Applicazioni to Webhook, where nothing is registered yet", async () => {
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
    await page.getByRole("link", { name: "registrare un webhook" }).click();
    await heading("Webhook").waitFor();
    assert.match(page.url(), /\/backoffice\/webhook$/);
    assert.equal(await sections().getByRole("link", { name: "Webhook" }).getAttribute("aria-current"), "page");
    await page.getByText("Nessun webhook registrato.").waitFor();
    await assertAccessible("empty");
  });

  test("registers a webhook for the demo's application: the form explains its mistakes, the secret is shown once", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: "Registra un webhook" }).click();
    const form = page.getByRole("region", { name: "Registra un webhook" });
    const application = form.getByRole("combobox", { name: /Applicazione/ });
    const url = form.getByRole("textbox", { name: /Indirizzo del webhook/ });
    // Before an application is chosen no event can be ticked.
    assert.equal(await form.getByRole("checkbox", { name: EVENT }).isDisabled(), true);
    await form.getByRole("button", { name: "Registra il webhook" }).click();
    await form.getByText("Scegli l'applicazione.", { exact: true }).waitFor();
    await form.getByText("Indica l'indirizzo del webhook.").waitFor();
    await form.getByText("Scegli almeno un evento.").waitFor();
    await assertAccessible("form-errors");
    await onPhone("form-errors");

    // The demo's application has every read scope: every event can be ticked.
    const clientId = portal.credentials.api_client?.client_id;
    assert.ok(clientId, "demo-credentials.json names the demo's application");
    await application.selectOption(clientId);
    for (const event of ["Rilascio di un certificato", "Revoca di un certificato", "Presentazione di una pratica online", "Cambio di stato di una pratica online"]) {
      assert.equal(await form.getByRole("checkbox", { name: event }).isEnabled(), true, `${event} can be ticked`);
    }
    await tick(form, EVENT);

    // Plain HTTP is for this machine only: the server says so, on the field.
    browser.expectConsoleError(/422/);
    await url.fill("http://ricevitore.example.org/webhook");
    await form.getByRole("button", { name: "Registra il webhook" }).click();
    await form.getByText(/Indicare un indirizzo HTTPS completo/).waitFor();
    assert.equal(await url.getAttribute("aria-invalid"), "true");
    await assertAccessible("form-server-error");

    await url.fill(receiver.url);
    await form.getByRole("button", { name: "Registra il webhook" }).click();
    const box = page.getByRole("region", { name: `Webhook dell'applicazione «${DEMO_APPLICATION}» registrato: il segreto di firma` });
    await box.getByText("Copia ora il segreto: non sarà più mostrato.").waitFor();
    found.secret = ((await box.locator("#webhook-secret").textContent()) ?? "").trim();
    assert.match(found.secret, /^whsec_\S{20,}$/);
    await box.getByText(receiver.url).waitFor();
    await box.getByRole("heading", { name: "Come verificare le notifiche" }).waitFor();
    await box.getByRole("button", { name: "Copia il segreto" }).click();
    await box.getByText("Segreto copiato negli appunti.").waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), found.secret);
    const row = webhookRow();
    await row.getByText(receiver.url, { exact: true }).waitFor();
    await row.getByText("Attivo", { exact: true }).waitFor();
    await row.getByText(EVENT).waitFor();
    await assertAccessible("secret");
    await onPhone("secret");

    await box.getByRole("button", { name: "Ho copiato il segreto, chiudi" }).click();
    await box.waitFor({ state: "detached" });
    await page.reload();
    await heading("Webhook").waitFor();
    await webhookRow().waitFor();
    assert.equal(await page.getByText(found.secret).count(), 0, "the secret is not shown again");
  });

  test("a certificate issued to the demo citizen reaches the receiver, signed with the secret shown", async () => {
    const before = Math.floor(Date.now() / 1000);
    found.certificateId = await issueCertificate();
    const request = await received(1);
    assert.equal(request.method, "POST");
    assert.equal(request.path, new URL(receiver.url).pathname);
    assert.match(header(request, "content-type"), /^application\/json/);

    // The signature: "sha256=" and the hex HMAC-SHA256, keyed with the secret, of the
    // timestamp, a dot and the body as it came.
    const timestamp = header(request, "x-portale-timestamp");
    assert.match(timestamp, /^\d+$/);
    assert.ok(Math.abs(Number(timestamp) - before) < 60, "the timestamp is now, in seconds");
    const expected = `sha256=${createHmac("sha256", found.secret).update(`${timestamp}.${request.body}`).digest("hex")}`;
    const signature = header(request, "x-portale-signature");
    assert.equal(signature.length, expected.length);
    assert.ok(timingSafeEqual(Buffer.from(signature), Buffer.from(expected)), "the signature checks with the secret");
    const forged = createHmac("sha256", "whsec_another").update(`${timestamp}.${request.body}`).digest("hex");
    assert.notEqual(signature, `sha256=${forged}`);

    const event = JSON.parse(request.body) as { id: string; type: string; occurred_at: string; data: { certificate_id: string; status: string } };
    assert.equal(event.type, "certificate.issued");
    assert.equal(header(request, "x-portale-event"), "certificate.issued");
    assert.equal(header(request, "x-portale-event-id"), event.id);
    assert.equal(event.data.certificate_id, found.certificateId);
    assert.equal(event.data.status, "valid");
    found.eventId = event.id;
  });

  test("sees the delivery as delivered under Consegne", async () => {
    const { page } = browser;
    await page.reload();
    await heading("Webhook").waitFor();
    const row = webhookRow();
    await row.getByText(/^Ultima consegna riuscita il/).waitFor();
    assert.equal(await row.getByText(/Ultimo errore|in attesa di invio|non riuscit/).count(), 0, "no error, nothing outstanding");
    await row.getByRole("button", { name: /^Consegne / }).click();
    const panel = page.getByRole("region", { name: `Consegne del webhook dell'applicazione «${DEMO_APPLICATION}»` });
    const delivery = panel.getByRole("table", { name: "1 consegna" }).getByRole("row", { name: new RegExp(EVENT) });
    await delivery.getByText(found.eventId).waitFor();
    await delivery.getByText("Consegnata", { exact: true }).waitFor();
    await delivery.getByText("HTTP 200").waitFor();
    await assertAccessible("deliveries");
    await onPhone("deliveries");
  });

  test("a notification the receiver refuses shows as the last error, and waits for its next attempt", async () => {
    const { page } = browser;
    receiver.answer.status = 503;
    receiver.answer.text = "Manutenzione in corso";
    await issueCertificate();
    const request = await received(2);
    assert.notEqual(JSON.parse(request.body).id, found.eventId, "another event");
    // The worker records the answer right after it: wait for the page to show it.
    const panel = page.getByRole("region", { name: /^Consegne del webhook/ });
    const waiting = panel.getByRole("table", { name: "2 consegne" }).getByRole("row").filter({ hasText: "In attesa" });
    const deadline = Date.now() + 10_000;
    while ((await waiting.count()) === 0) {
      assert.ok(Date.now() < deadline, "the refused delivery shows as waiting");
      await panel.getByRole("button", { name: "Aggiorna" }).click();
      await page.waitForTimeout(500);
    }
    await waiting.getByText("HTTP 503", { exact: true }).waitFor();
    await waiting.getByText("Manutenzione in corso", { exact: true }).waitFor();
    await waiting.getByText(/prossimo tentativo il/).waitFor();
    const row = webhookRow();
    await row.getByText("HTTP 503: Manutenzione in corso").waitFor();
    await row.getByText("1 in attesa di invio").waitFor();
    await assertAccessible("delivery-refused");
    await onPhone("delivery-refused");
    // The receiver keeps refusing: the delivery stays pending until the webhook is disabled.
  });

  test("disables the webhook after a confirmation: it stays listed, disabled", async () => {
    const { page } = browser;
    const row = webhookRow();
    await row.getByRole("button", { name: /^Disattiva / }).click();
    const question = page.getByRole("group", { name: /^Vuoi disattivare il webhook dell'applicazione «Verifiche demo»/ });
    await question.getByText(/La disattivazione non si può annullare/).waitFor();
    await assertAccessible("disable-question");
    await question.getByRole("button", { name: "Sì, disattiva il webhook" }).click();
    await page.getByText(`Il webhook dell'applicazione «${DEMO_APPLICATION}» all'indirizzo ${receiver.url} è stato disattivato: non riceverà altre notifiche.`).waitFor();
    await row.getByText("Disattivato", { exact: true }).waitFor();
    assert.deepEqual(
      (await row.getByRole("button").allTextContents()).map((text) => text.split(" ")[0]),
      ["Consegne"],
      "only the deliveries of a disabled webhook",
    );
    // What was waiting is not sent any more, and the page says so.
    await row.getByText("1 non inviata: il webhook è disattivato").waitFor();
    await row.getByRole("button", { name: /^Consegne / }).click();
    const panel = page.getByRole("region", { name: /^Consegne del webhook/ });
    await panel.getByRole("row").filter({ hasText: "Manutenzione in corso" }).getByText("Non inviata", { exact: true }).waitFor();
    await assertAccessible("disabled");
    await onPhone("disabled");
  });
});
