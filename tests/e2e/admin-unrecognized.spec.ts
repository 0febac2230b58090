import { expect, test } from "@playwright/test";
import { logIn } from "./support/accounts";
import { E2E_SUPER_ADMIN } from "./support/super-admin";

test("an admin reviews an unrecognized billing object, resolves it with a note and reopens it", async ({ page }) => {
  await logIn(page, E2E_SUPER_ADMIN.email, E2E_SUPER_ADMIN.password);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/ru/admin");
  await page.getByRole("link", { name: "Нераспознанные ресурсы" }).click();
  await expect(page).toHaveURL(/\/ru\/admin\/unrecognized$/);

  // The demo's BU-B bills a GPU notebook that no normalizer knows.
  await page.getByTestId("unrecognized-search").fill("ml_notebook_gpu");
  await page.getByRole("button", { name: "Найти" }).click();
  const row = page.getByTestId("unrecognized-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Демо-компания");
  await expect(row).toContainText("Открыт");

  await row.getByTestId("unrecognized-details").click();
  const dialog = page.getByTestId("unrecognized-dialog");
  await expect(dialog.getByTestId("unrecognized-frequency")).toContainText(/Замечен в \d+ записанных синхронизациях/);
  await dialog.getByText("Исходные данные биллинга").click();
  await expect(dialog.getByTestId("unrecognized-raw")).toContainText("syncRunId");

  await dialog.getByLabel("Комментарий к решению").fill("Нужен нормализатор для ML-ноутбуков");
  await dialog.getByTestId("unrecognized-resolve").click();
  await expect(dialog.getByTestId("unrecognized-resolved")).toContainText("Решён");
  await page.keyboard.press("Escape");
  // The list shows open ones by default: the resolved object leaves it and appears under "Решён".
  await expect(page.getByTestId("unrecognized-empty")).toBeVisible();
  await page.getByTestId("unrecognized-status").selectOption("resolved");
  await expect(row).toContainText("Решён");

  await row.getByTestId("unrecognized-details").click();
  await expect(dialog.getByLabel("Комментарий к решению")).toHaveValue("Нужен нормализатор для ML-ноутбуков");
  await dialog.getByTestId("unrecognized-reopen").click();
  await expect(dialog.getByTestId("unrecognized-resolve")).toBeVisible();

  await page.goto("/ru/admin/audit");
  await page.getByTestId("audit-filter-action").fill("admin.unrecognized.");
  await page.getByRole("button", { name: "Применить" }).click();
  await expect(page.getByTestId("audit-row")).toHaveCount(2);
});
