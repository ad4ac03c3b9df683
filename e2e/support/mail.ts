// The demo delivers mail as `.eml` files under DATA_DIR/mail (no SMTP relay configured):
// tests read what a person would find in the mailbox.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

function decodeQuotedPrintable(body: string): string {
  const bytes: number[] = [];
  const raw = body.replace(/=\r?\n/g, "");
  for (let i = 0; i < raw.length; i++) {
    const hex = raw.slice(i + 1, i + 3);
    if (raw[i] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(raw[i], "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** RFC 2047 encoded words, as in a Subject with accented letters. */
function decodeHeader(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, kind: string, text: string) =>
    kind.toLowerCase() === "b"
      ? Buffer.from(text, "base64").toString("utf8")
      : decodeQuotedPrintable(text.replace(/_/g, " ")),
  );
}

function decodeBody(body: string, encoding: string): string {
  switch (encoding.toLowerCase()) {
    case "base64":
      return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
    case "quoted-printable":
      return decodeQuotedPrintable(body);
    default:
      return body;
  }
}

function headersOf(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** The text of a message: the single part, or the first text/plain part of a multipart. */
function textOf(headers: Map<string, string>, body: string): string {
  const type = headers.get("content-type") ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!boundary) return decodeBody(body, headers.get("content-transfer-encoding") ?? "7bit");
  for (const part of body.split(`--${boundary}`).slice(1)) {
    const split = part.search(/\r?\n\r?\n/);
    if (split < 0) continue;
    const partHeaders = headersOf(part.slice(0, split).trim());
    if ((partHeaders.get("content-type") ?? "").startsWith("text/plain")) {
      return textOf(partHeaders, part.slice(split).replace(/^\r?\n\r?\n/, ""));
    }
  }
  return "";
}

export function parseEml(source: string): Mail {
  const split = source.search(/\r?\n\r?\n/);
  const headers = headersOf(source.slice(0, split));
  return {
    to: headers.get("to") ?? "",
    subject: decodeHeader(headers.get("subject") ?? ""),
    text: textOf(headers, source.slice(split).replace(/^\r?\n\r?\n/, "")),
  };
}

/** Every message delivered so far, oldest first. */
export function deliveredMail(dataDir: string): Mail[] {
  const dir = join(dataDir, "mail");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".eml"))
    .sort()
    .map((name) => parseEml(readFileSync(join(dir, name), "utf8")));
}

/** Waits for the mail worker to deliver a message to `address`, and returns the newest. */
export async function waitForMail(dataDir: string, address: string, timeoutMs = 15_000): Promise<Mail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = deliveredMail(dataDir).filter((mail) => mail.to.includes(address));
    if (found.length > 0) return found[found.length - 1];
    if (Date.now() > deadline) throw new Error(`no mail to ${address} in ${dataDir}/mail`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
