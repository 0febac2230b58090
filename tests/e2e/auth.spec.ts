import { expect, test } from "@playwright/test";
import { logIn, PASSWORD, signOut, signUp, uniqueEmail } from "./support/accounts";

test("sign up, sign out, and sign back in (wrong password first)", async ({ page }) => {
  const email = uniqueEmail("olga");
  await signUp(page, { name: "Ольга Смирнова", email, company: "ООО Северный ветер" });
  await expect(page).toHaveURL(/\/ru\/dashboard$/);
  await expect(page.getByTestId("dashboard-org")).toHaveText("ООО Северный ветер");
  await expect(page.getByTestId("dashboard-empty")).toContainText("Подключите первое облако");

  await signOut(page);
  await logIn(page, email, "Wrong-pass-2026");
  await expect(page.getByTestId("login-error")).toHaveText("Неверная почта или пароль.");
  await logIn(page, email.toUpperCase(), PASSWORD);
  await expect(page).toHaveURL(/\/ru\/dashboard$/);
  await expect(page.getByTestId("dashboard-org")).toHaveText("ООО Северный ветер");
});

test("sign-up explains a weak password and a taken email", async ({ page }) => {
  await page.goto("/ru/signup");
  await page.getByLabel("Имя").fill("Пётр");
  await page.getByLabel("Эл. почта").fill(uniqueEmail("petr"));
  await page.getByLabel("Пароль").fill("short1");
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();
  await expect(page.getByTestId("signup-error")).toHaveText("Пароль должен быть не короче 10 символов.");

  const email = uniqueEmail("taken");
  await signUp(page, { name: "Первый", email, company: "Первая" });
  await expect(page).toHaveURL(/\/ru\/dashboard$/);
  await signOut(page);
  await signUp(page, { name: "Второй", email, company: "Вторая" });
  await expect(page.getByTestId("signup-error")).toContainText("Пользователь с такой почтой уже зарегистрирован");
});

test("Try the demo lands in the demo organization", async ({ page }) => {
  await page.goto("/ru/login");
  await page.getByTestId("demo-login").click();
  await expect(page).toHaveURL(/\/ru\/dashboard$/);
  await expect(page.getByTestId("dashboard-org")).toHaveText("Демо-компания");
  await expect(page.getByTestId("sidebar")).toContainText("Анализ затрат");
});

test("the app requires a session", async ({ page }) => {
  await page.goto("/ru/settings");
  await expect(page).toHaveURL(/\/ru\/login$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/ru\/login$/);
});

test("health answers with the version", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", version: "0.1.0", database: { ok: true } });
});
