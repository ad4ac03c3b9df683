// The one login form of /accedi, as citizens (codice fiscale) and staff (user name) fill it.
import type { Page } from "playwright-core";

/** Opens the login page, types the user id and the password, and presses "Accedi". */
export async function submitLogin(page: Page, baseUrl: string, userId: string, password: string): Promise<void> {
  // A fresh entry: going to the URL already shown is a reload in Chromium, which would keep
  // the page a previous login prompt asked to return to.
  await page.goto("about:blank");
  await page.goto(`${baseUrl}/accedi`);
  await page.getByRole("heading", { level: 1, name: "Accedi ai servizi online" }).waitFor();
  await page.getByRole("textbox", { name: /Identificativo utente/ }).fill(userId);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole("button", { name: "Accedi", exact: true }).click();
}
