import { expect, type Page } from "@playwright/test";

let counter = 0;

export function uniqueEmail(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now()}-${counter}@e2e.test`;
}

export const PASSWORD = "Strong-pass-2026";

/** Signs up through the form and waits for the app shell. */
export async function signUp(page: Page, options: { name: string; email: string; company: string; path?: string }) {
  await page.goto(options.path ?? "/ru/signup");
  await page.getByLabel("Имя").fill(options.name);
  await page.getByLabel("Эл. почта").fill(options.email);
  await page.getByLabel("Пароль").fill(PASSWORD);
  await page.getByLabel("Название компании").fill(options.company);
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();
}

export async function logIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/ru/login");
  await page.getByLabel("Эл. почта").fill(email);
  await page.getByLabel("Пароль").fill(password);
  await page.getByRole("button", { name: "Войти", exact: true }).click();
}

export async function signOut(page: Page) {
  await page.getByTestId("user-menu").locator("summary").click();
  await page.getByTestId("sign-out").click();
  await expect(page).toHaveURL(/\/ru\/login/);
}

/** Calls a tRPC procedure over HTTP with the page's session cookies. */
export async function trpcCall(page: Page, procedure: string, input?: unknown, method: "GET" | "POST" = "GET") {
  const url = `/api/trpc/${procedure}`;
  const response =
    method === "GET"
      ? await page.request.get(input === undefined ? url : `${url}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, { headers: { "x-locale": "en" } })
      : await page.request.post(url, { data: { json: input }, headers: { "x-locale": "en" } });
  return { status: response.status(), body: await response.json() };
}
