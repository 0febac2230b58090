import { expect, test } from "@playwright/test";
import { logIn } from "./support/accounts";
import { E2E_SUPER_ADMIN } from "./support/super-admin";

test("the system status page shows the database, migrations, sync engine, bot and recent sync runs", async ({ page }) => {
  await logIn(page, E2E_SUPER_ADMIN.email, E2E_SUPER_ADMIN.password);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/ru/admin");
  await page.getByRole("link", { name: "Состояние системы" }).click();
  await expect(page).toHaveURL(/\/ru\/admin\/system$/);
  await expect(page.getByTestId("status-database")).toContainText("Отвечает");
  await expect(page.getByTestId("status-database")).toContainText(/Задержка: \d+ мс/);
  await expect(page.getByTestId("status-migrations")).toContainText("Все применены");
  await expect(page.getByTestId("status-migrations")).toContainText(/Последняя: \d{14}_/);
  await expect(page.getByTestId("status-inngest")).toContainText("Встроенный");
  // The e2e server runs the bot (against a closed loopback Bot API): the card counts chats and deliveries, never shows the token.
  await expect(page.getByTestId("status-telegram")).toContainText("Токен задан");
  await expect(page.getByTestId("status-telegram")).toContainText(/Связанных чатов: \d+/);
  await expect(page.getByTestId("status-telegram")).toContainText(/За 24 ч: отправлено \d+, в очереди \d+, с ошибкой \d+/);
  await expect(page.getByTestId("status-telegram")).not.toContainText("E2E-offline-token");
  // The demo organization's first syncs ran at setup.
  await expect(page.getByTestId("sync-run-row").filter({ hasText: "Демо-компания" }).first()).toBeVisible();
});

test("reseeding the demo asks for confirmation, shows progress, then the result", async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page, E2E_SUPER_ADMIN.email, E2E_SUPER_ADMIN.password);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/ru/admin/demo");
  await expect(page.getByTestId("demo-connections")).toContainText("Selectel BU-A (prod)");

  await page.getByTestId("reseed-demo").click();
  await page.getByTestId("reseed-confirm").getByRole("button", { name: "Отмена" }).click();
  await expect(page.getByTestId("reseed-confirm")).toHaveCount(0);

  await page.getByTestId("reseed-demo").click();
  await page.getByTestId("reseed-confirm-button").click();
  await expect(page.getByTestId("reseed-progress")).toContainText("Пересоздаём…");
  await expect(page.getByTestId("reseed-demo")).toBeDisabled();
  const result = page.getByTestId("reseed-result");
  await expect(result).toContainText(/синхронизировано подключений — 2 из 2, строк расходов — [\d\s\u00a0]+\./, { timeout: 90_000 });
  await expect(page.getByTestId("demo-connections")).toContainText("Успешно");

  await page.goto("/ru/admin/audit");
  await page.getByTestId("audit-filter-action").fill("admin.demo.reseed");
  await page.getByRole("button", { name: "Применить" }).click();
  await expect(page.getByTestId("audit-row").first()).toContainText(E2E_SUPER_ADMIN.email);
});
