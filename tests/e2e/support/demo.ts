import { expect, type Page } from "@playwright/test";
import { trpcCall } from "./accounts";

/** Signs in to the demo organization through the login page's demo button. */
export async function logInAsDemo(page: Page) {
  await page.goto("/ru/login");
  await page.getByTestId("demo-login").click();
  await expect(page).toHaveURL(/\/ru\/dashboard$/);
}

/** A tRPC query's data (the page's session), failing the test with the server's answer when it is not 200. */
export async function trpcData<T>(page: Page, procedure: string, input?: unknown): Promise<T> {
  const { status, body } = await trpcCall(page, procedure, input);
  expect(status, JSON.stringify(body)).toBe(200);
  return (body as { result: { data: { json: T } } }).result.data.json;
}

/** Money the way the app prints it in Russian, from the server's exact decimal string. */
export function rub(amount: string): string {
  return new Intl.NumberFormat("ru-RU", { style: "currency", currency: "RUB", minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount as Intl.StringNumericLiteral);
}

/** Playwright's toHaveText normalizes whitespace but not NBSP vs narrow NBSP: compare with every space made plain. */
export function plain(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, " ").trim();
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** RFC 4180 fields of a CSV (quoted fields with commas, doubled quotes), BOM and CRLF tolerated. */
export function parseCsv(content: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const text = content.replace(/^\uFEFF/, "");
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') { field += '"'; index += 1; }
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") { row.push(field); field = ""; }
    else if (char === "\n") { row.push(field.replace(/\r$/, "")); rows.push(row); row = []; field = ""; }
    else field += char;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}
