// The demo delivers mail as `.eml` files under DATA_DIR/mail (no SMTP relay configured):
// tests read what a person would find in the mailbox.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface Attachment {
  fileName: string;
  contentType: string;
  content: Buffer;
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
  attachments: Attachment[];
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

interface Part {
  headers: Map<string, string>;
  body: string;
}

/** The leaves of a message: itself when single part, else its parts' leaves, in order. */
function leavesOf(headers: Map<string, string>, body: string): Part[] {
  const type = headers.get("content-type") ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!boundary) return [{ headers, body }];
  return body
    .split(`--${boundary}`)
    .slice(1)
    .flatMap((part) => {
      const split = part.search(/\r?\n\r?\n/);
      if (split < 0) return [];
      return leavesOf(headersOf(part.slice(0, split).trim()), part.slice(split).replace(/^\r?\n\r?\n/, ""));
    });
}

/**
 * A header parameter, joined again when RFC 2231 split it into continuations
 * (`filename*0="…"; filename*1="…"`, as lettre does past the line length), and
 * percent-decoded when extended (`filename*=utf-8''…`).
 */
function parameter(value: string, key: string): string | undefined {
  let whole: string | undefined;
  const pieces: Array<[number, string]> = [];
  for (const m of value.matchAll(new RegExp(`(?:^|;)\\s*${key}(?:\\*(\\d+))?(\\*)?=(?:"([^"]*)"|([^;\\s]*))`, "gi"))) {
    let text = m[3] ?? m[4] ?? "";
    if (m[2]) text = decodeURIComponent(text.replace(/^[^']*'[^']*'/, ""));
    if (m[1] === undefined) whole = text;
    else pieces.push([Number(m[1]), text]);
  }
  if (whole !== undefined) return whole;
  return pieces.length > 0
    ? pieces
        .sort((a, b) => a[0] - b[0])
        .map(([, text]) => text)
        .join("")
    : undefined;
}

function isAttachment(part: Part): boolean {
  return /^attachment\b/i.test(part.headers.get("content-disposition") ?? "");
}

function attachmentOf(part: Part): Attachment {
  const disposition = part.headers.get("content-disposition") ?? "";
  const encoding = (part.headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  return {
    fileName: decodeHeader(parameter(disposition, "filename") ?? ""),
    contentType: (part.headers.get("content-type") ?? "").split(";")[0].trim(),
    content:
      encoding === "base64"
        ? Buffer.from(part.body.replace(/\s+/g, ""), "base64")
        : Buffer.from(decodeBody(part.body, encoding), "utf8"),
  };
}

export function parseEml(source: string): Mail {
  const split = source.search(/\r?\n\r?\n/);
  const headers = headersOf(source.slice(0, split));
  const leaves = leavesOf(headers, source.slice(split).replace(/^\r?\n\r?\n/, ""));
  // The text is the first text/plain part that is not an attachment.
  const text = leaves.find(
    (part) => !isAttachment(part) && (part.headers.get("content-type") ?? "text/plain").startsWith("text/plain"),
  );
  return {
    to: headers.get("to") ?? "",
    subject: decodeHeader(headers.get("subject") ?? ""),
    text: text ? decodeBody(text.body, text.headers.get("content-transfer-encoding") ?? "7bit") : "",
    attachments: leaves.filter(isAttachment).map(attachmentOf),
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
