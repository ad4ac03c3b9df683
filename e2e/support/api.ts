// Calls to the portal's API from the test itself, to arrange what a page should show
// (certificates issued, mail sent…) before a browser looks at it.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";

export interface CallOptions {
  method?: string;
  token?: string;
  body?: unknown;
}

/** A JSON call that must succeed; answers the parsed body (or null when there is none). */
export async function call<T>(baseUrl: string, path: string, options: CallOptions = {}): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: options.method ?? (options.body === undefined ? "GET" : "POST"),
    headers: {
      "content-type": "application/json",
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  assert.ok(response.ok, `${options.method ?? "GET/POST"} ${path}: HTTP ${response.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** Logs in through the API (not the page) and answers the access token. */
export async function apiToken(
  baseUrl: string,
  who: { fiscal_code: string; password: string } | { username: string; password: string },
): Promise<string> {
  const body =
    "fiscal_code" in who
      ? { fiscal_code: who.fiscal_code, password: who.password }
      : { username: who.username, password: who.password };
  const session = await call<{ access_token: string }>(baseUrl, "/api/v1/auth/login", { body });
  return session.access_token;
}

/** Makes the password change a first login asks for; answers a token of the new session. */
export async function changePassword(baseUrl: string, token: string, current: string, next: string): Promise<string> {
  const session = await call<{ access_token: string }>(baseUrl, "/api/v1/auth/password", {
    token,
    body: { current_password: current, new_password: next },
  });
  return session.access_token;
}

/** The registration's anti-bot proof of work, solved as the browser does. */
export async function solvedChallenge(baseUrl: string): Promise<{ challenge: string; nonce: string }> {
  const { challenge, difficulty } = await call<{ challenge: string; difficulty: number }>(
    baseUrl,
    "/api/v1/registrations/challenge",
  );
  for (let n = 0; ; n++) {
    const hash = createHash("sha256").update(`${challenge}:${n}`).digest();
    let zeros = 0;
    for (const byte of hash) {
      if (byte === 0) {
        zeros += 8;
        continue;
      }
      zeros += Math.clz32(byte) - 24;
      break;
    }
    if (zeros >= difficulty) return { challenge, nonce: String(n) };
  }
}
