import { expect, test } from "@playwright/test";
import { logIn, signUp, trpcCall, uniqueEmail } from "./support/accounts";
import { E2E_SUPER_ADMIN } from "./support/super-admin";

test("an admin finds a user, acts as them with a banner, stops, and the audit log shows both events", async ({ page, browser }) => {
  const customerEmail = uniqueEmail("customer");
  const customer = await (await browser.newContext()).newPage();
  await signUp(customer, { name: "Клиент Поддержки", email: customerEmail, company: "ООО Клиент" });
  await expect(customer).toHaveURL(/\/ru\/dashboard$/);

  await logIn(page, E2E_SUPER_ADMIN.email, E2E_SUPER_ADMIN.password);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/ru/admin/users");
  await page.getByTestId("user-search").fill(customerEmail);
  await page.getByRole("button", { name: "Найти" }).click();
  const row = page.getByTestId("user-row").filter({ hasText: customerEmail });
  await expect(page.getByTestId("user-row")).toHaveCount(1);
  await expect(row).toContainText("ООО Клиент (Владелец)");

  await row.getByTestId("act-as").click();
  await page.getByLabel("Причина").fill("Обращение №42");
  await page.getByTestId("start-act-as").click();
  await expect(page).toHaveURL(/\/ru\/dashboard$/);
  const banner = page.getByTestId("impersonation-banner");
  await expect(banner).toContainText(`Вы действуете от имени Клиент Поддержки (${customerEmail})`);
  await expect(page.getByTestId("dashboard-org")).toHaveText("ООО Клиент");

  // The banner stays on every page, and the admin area is gone while acting as a plain user.
  await page.goto("/ru/settings");
  await expect(banner).toBeVisible();
  await expect(page.getByTestId("sidebar").getByRole("link", { name: "Администрирование" })).toHaveCount(0);
  expect((await page.goto("/ru/admin/users"))?.status()).toBe(404);
  expect((await trpcCall(page, "admin.users.list", {})).status).toBe(403);

  await page.goto("/ru/dashboard");
  await page.getByTestId("stop-impersonation").click();
  await expect(page).toHaveURL(/\/ru\/admin\/users$/);
  await expect(banner).toHaveCount(0);
  await expect(page.getByTestId("users-table")).toBeVisible();

  await page.goto("/ru/admin/audit");
  await page.getByTestId("audit-filter-action").fill("impersonation.st");
  await page.getByRole("button", { name: "Применить" }).click();
  const eventRow = (action: string) => page.getByTestId("audit-row").filter({ has: page.getByRole("cell", { name: action, exact: true }) });
  for (const action of ["impersonation.start", "impersonation.stop"]) {
    await expect(eventRow(action)).toHaveCount(1);
    await expect(eventRow(action)).toContainText(E2E_SUPER_ADMIN.email);
  }

  const csv = await page.request.get(await page.getByTestId("audit-export").getAttribute("href") ?? "");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text).toContain(`,impersonation.start,${E2E_SUPER_ADMIN.email},`);
  expect(text).toContain(`,impersonation.stop,${E2E_SUPER_ADMIN.email},`);
  // The customer cannot export the log.
  expect((await customer.request.get("/api/admin/audit-export")).status()).toBe(403);
});

test("an admin creates a user who sets a password through the one-time link, then disables them", async ({ page, browser }) => {
  const email = uniqueEmail("newcomer");
  await logIn(page, E2E_SUPER_ADMIN.email, E2E_SUPER_ADMIN.password);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/ru/admin/users");
  await page.getByTestId("create-user").click();
  const dialog = page.getByTestId("user-dialog");
  await dialog.getByLabel("Почта").fill(email);
  await dialog.getByLabel("Имя").fill("Новичок");
  await dialog.getByRole("button", { name: "Создать пользователя" }).click();
  const link = await dialog.getByTestId("reset-link").textContent();
  expect(link).toMatch(/\/ru\/reset-password\/[\w-]+$/);

  const newcomer = await (await browser.newContext()).newPage();
  await newcomer.goto(link!);
  await expect(newcomer.getByText(`Учётная запись: ${email}`)).toBeVisible();
  await newcomer.getByLabel("Новый пароль").fill("Newcomer-pass-2026");
  await newcomer.getByRole("button", { name: "Сохранить пароль" }).click();
  await expect(newcomer.getByRole("status")).toHaveText("Пароль сохранён. Теперь можно войти.");
  // Single use: the same link is dead now.
  await newcomer.goto(link!);
  await expect(newcomer.getByText(/^Ссылка недействительна/)).toBeVisible();
  await logIn(newcomer, email, "Newcomer-pass-2026");
  await expect(newcomer).toHaveURL(/\/ru\/dashboard$/);
  await expect(newcomer.getByRole("heading", { name: "Новая организация" })).toBeVisible();

  await dialog.getByRole("button", { name: "Закрыть" }).click();
  await page.getByTestId("user-search").fill(email);
  await page.getByRole("button", { name: "Найти" }).click();
  await page.getByTestId("user-row").filter({ hasText: email }).getByRole("button", { name: "Изменить" }).click();
  await page.getByTestId("user-dialog").getByRole("button", { name: "Отключить" }).click();
  await expect(page.getByTestId("user-row").filter({ hasText: email })).toContainText("Отключён");

  // The open session stops working at once, and signing in again is refused.
  await newcomer.reload();
  await expect(newcomer).toHaveURL(/\/ru\/login/);
  await logIn(newcomer, email, "Newcomer-pass-2026");
  await expect(newcomer.getByText("Учётная запись отключена. Обратитесь к администратору.")).toBeVisible();
});
