// Logging in through the SPA's login page, as a person does: the one place that knows the
// login form, so that a change of the form is a change here.
import type { Page } from "playwright-core";
import type { DemoCredentials } from "./portal.ts";

export interface LoginAccount {
  /** A citizen's codice fiscale, or a staff member's user name: the one form takes both. */
  identifier: string;
  password: string;
  /** Staff (operators, administrators) log in with a user name. */
  staff: boolean;
}

export function citizenAccount(who: { fiscal_code: string; password: string }): LoginAccount {
  return { identifier: who.fiscal_code, password: who.password, staff: false };
}

export function staffAccount(who: { username: string; password: string }): LoginAccount {
  return { identifier: who.username, password: who.password, staff: true };
}

export type DemoRole = keyof Pick<DemoCredentials, "citizen" | "citizen2" | "nonresident" | "operator" | "admin">;

/** The demo account of `role`, with `password` instead of the demo's when it was changed. */
export function demoAccount(credentials: DemoCredentials, role: DemoRole, password?: string): LoginAccount {
  const account =
    role === "operator" || role === "admin" ? staffAccount(credentials[role]) : citizenAccount(credentials[role]);
  return password ? { ...account, password } : account;
}

/**
 * The login steps: opens the login page, fills in its one form ("Identificativo utente":
 * codice fiscale or user name) and submits it. Answers without waiting for the outcome, so
 * that a test can look at a refusal or at the password change a first login asks for.
 */
export async function submitLoginForm(page: Page, baseUrl: string, account: LoginAccount): Promise<void> {
  // A fresh entry: going to the URL already shown is a reload in Chromium, which would keep
  // the page a previous login prompt asked to return to.
  await page.goto("about:blank");
  await page.goto(`${baseUrl}/accedi`);
  await page.getByRole("textbox", { name: /^Identificativo utente/ }).fill(account.identifier);
  await page.getByLabel(/^Password/).fill(account.password);
  await page.getByRole("button", { name: "Accedi", exact: true }).click();
}

/**
 * Logs in through the login page; resolves once the header shows the user's menu (the
 * session started — also when a first login then asks for a new password).
 */
export async function logIn(page: Page, baseUrl: string, account: LoginAccount): Promise<void> {
  await submitLoginForm(page, baseUrl, account);
  await page.getByRole("banner").getByRole("button", { name: /menu dell'utente/ }).waitFor();
}
