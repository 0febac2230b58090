import { expect, test } from "@playwright/test";
import { signUp, uniqueEmail } from "./support/accounts";

test.beforeEach(async ({ page }) => {
  await signUp(page, { name: "Анна", email: uniqueEmail("anna"), company: "Первая компания" });
  await expect(page).toHaveURL(/\/ru\/dashboard$/);
});

test("switches the language and keeps the page", async ({ page }) => {
  await expect(page.getByRole("heading", { name: "Дашборд" })).toBeVisible();
  await page.getByTestId("language-switch").click();
  await expect(page).toHaveURL(/\/en\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByTestId("sidebar")).toContainText("Cost Explorer");
  await page.getByRole("link", { name: "Budgets" }).click();
  await expect(page.getByTestId("coming-soon")).toContainText("Budgets is coming soon");
});

test("saves profile settings", async ({ page }) => {
  await page.getByRole("link", { name: "Настройки" }).first().click();
  await page.getByLabel("Имя").fill("Анна Петрова");
  await page.getByLabel("Часовой пояс").selectOption("Asia/Yekaterinburg");
  await page.getByLabel("Валюта").selectOption("USD");
  await page.getByTestId("profile-save").click();
  await expect(page.getByRole("status")).toHaveText("Сохранено");
  await page.reload();
  await expect(page.getByLabel("Имя")).toHaveValue("Анна Петрова");
  await expect(page.getByLabel("Часовой пояс")).toHaveValue("Asia/Yekaterinburg");
  await expect(page.getByLabel("Валюта")).toHaveValue("USD");
  await expect(page.getByTestId("user-menu")).toContainText("Анна Петрова");
});

test("creates a second organization and switches between them", async ({ page }) => {
  await page.goto("/ru/settings");
  await page.locator("#new-org-name").fill("Вторая компания");
  await page.getByRole("button", { name: "Создать", exact: true }).click();
  await expect(page.getByTestId("org-switcher").locator("option:checked")).toHaveText("Вторая компания");

  await page.goto("/ru/dashboard");
  await expect(page.getByTestId("dashboard-org")).toHaveText("Вторая компания");
  await page.getByTestId("org-switcher").selectOption({ label: "Первая компания" });
  await expect(page.getByTestId("dashboard-org")).toHaveText("Первая компания");
});
