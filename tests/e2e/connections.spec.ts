import { expect, test, type Page } from "@playwright/test";
import { signUp, uniqueEmail } from "./support/accounts";

const SCREENSHOTS = "tests/.artifacts/screenshots";

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

test("demo: both business units are connected; BU-A syncs live, then its history and run detail show the phases", async ({ page }) => {
  await page.goto("/ru/login");
  await page.getByTestId("demo-login").click();
  await expect(page).toHaveURL(/\/ru\/dashboard$/);
  await page.getByTestId("sidebar").getByRole("link", { name: "Подключения" }).click();
  await expect(page).toHaveURL(/\/ru\/connections$/);

  const card = page.getByTestId("connection-card").filter({ hasText: "Selectel BU-A (prod)" });
  await expect(card).toBeVisible();
  await expect(card.getByTestId("connection-status")).toHaveText("Активно");
  await expect(card.getByTestId("connection-balance")).toHaveText(/1\s247\s500,00\s₽/);
  await expect(card.getByTestId("connection-days-left")).toContainText("224");
  await expect(card.getByTestId("connection-resources")).not.toHaveText("0");
  const buB = page.getByTestId("connection-card").filter({ hasText: "Selectel BU-B (dev/stage)" });
  await expect(buB.getByTestId("connection-status")).toHaveText("Активно");
  await expect(buB.getByTestId("connection-balance")).toHaveText(/59\s120,00\s₽/);
  await expect(buB.getByTestId("connection-days-left")).toContainText("17");
  // Under 30 days left, BU-B's account details open by themselves; BU-A's stay folded.
  await expect(buB.getByTestId("connection-balance")).toBeVisible();
  await expect(card.getByTestId("connection-balance")).toBeHidden();
  await expect(page.getByTestId("demo-notice")).toBeVisible();
  // The shared demo is read-only: no adding, editing or deleting.
  await expect(page.getByTestId("add-connection")).toHaveCount(0);
  await expect(card.getByTestId("connection-delete")).toHaveCount(0);
  await shot(page, "connections-list");

  await card.getByTestId("sync-now").click();
  const progress = card.getByTestId("sync-progress");
  await expect(progress).toBeVisible();
  await shot(page, "connections-progress-running");
  await expect(progress).toHaveAttribute("data-status", "success", { timeout: 30_000 });
  await expect(progress.getByTestId("sync-phase")).toHaveText("Этап 9/9: Загрузка CPU и памяти");
  await expect(progress.getByTestId("sync-status")).toHaveText("Готово");
  await expect(progress.getByTestId("sync-message")).toContainText("Синхронизация завершена: новых 0");
  await shot(page, "connections-progress-done");

  await card.getByTestId("connection-history").click();
  await expect(page.getByTestId("history-title")).toHaveText("Selectel BU-A (prod)");
  const rows = page.getByTestId("run-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("Вручную");
  await expect(rows.nth(1)).toContainText("Демо-данные");
  await expect(rows.nth(0).getByTestId("run-status")).toHaveText("Готово");
  await shot(page, "connection-history");

  await rows.nth(0).getByTestId("run-link").click();
  await expect(page.getByTestId("run-title")).toHaveText("Синхронизация «Selectel BU-A (prod)»");
  const phases = page.getByTestId("phase-row");
  await expect(phases).toHaveCount(9);
  await expect(phases.first()).toContainText("Биллинг и аккаунт");
  await expect(phases.last()).toContainText("Загрузка CPU и памяти");
  await expect(page.locator('[data-testid="phase-row"][data-status="success"]')).toHaveCount(9);
  await expect(page.getByTestId("run-kpi-api-calls")).not.toContainText(/^\D*0$/);
  await expect(page.getByTestId("changes-unchanged")).toContainText("Без изменений");
  await shot(page, "sync-run-detail");
});

test("adds a generic OpenStack connection: test, save, sync, edit with a masked secret, delete", async ({ page, baseURL }) => {
  await signUp(page, { name: "Ольга", email: uniqueEmail("olga"), company: "Облачная компания" });
  await expect(page).toHaveURL(/\/ru\/dashboard$/);
  await page.goto("/ru/connections");
  await expect(page.getByTestId("connections-empty")).toContainText("Подключите первое облако");
  await shot(page, "connections-empty");

  await page.getByTestId("add-connection").click();
  await page.getByTestId("provider-openstack").click();
  const form = page.getByTestId("connection-form");
  await form.getByLabel("Название").fill("OpenStack прод");
  await form.getByLabel("Адрес Keystone").fill(`${baseURL}/api/sandbox/openstack/identity/v3`);
  await form.getByLabel("Пользователь", { exact: true }).fill("finops");
  await form.getByLabel("Пароль", { exact: true }).fill("Wrong-Password-1");
  await form.getByLabel("Проект (имя)").fill("production");
  await form.getByLabel("Настройки (JSON)").fill(JSON.stringify({ currency: "RUB", flavors: { "m1.small": "1200", "m1.medium": "2400.50", "m1.large": "4800.00" }, volumeTypes: { ssd: "12.5", hdd: "3.6" }, floatingIp: "150" }));

  await form.getByTestId("connection-test").click();
  await expect(form.getByTestId("test-result")).toHaveAttribute("data-ok", "false");
  await expect(form.getByTestId("test-result")).toContainText("OpenStack отклонил учётные данные.");
  await expect(form.getByTestId("test-result")).toContainText("Тип ошибки: auth");

  await form.getByLabel("Пароль", { exact: true }).fill("Finops-Sandbox-Pass1");
  await form.getByTestId("connection-test").click();
  await expect(form.getByTestId("test-result")).toHaveAttribute("data-ok", "true");
  await expect(form.getByTestId("test-result")).toContainText("Подключение работает");
  await shot(page, "connection-form-tested");
  await form.getByTestId("connection-save").click();

  const card = page.getByTestId("connection-card").filter({ hasText: "OpenStack прод" });
  await expect(card).toBeVisible();
  await expect(card.getByTestId("connection-status")).toHaveText("Ожидает синхронизации");
  await card.getByTestId("sync-now").click();
  await expect(card.getByTestId("sync-progress")).toHaveAttribute("data-status", /success|partial/, { timeout: 30_000 });
  await expect(card.getByTestId("connection-status")).toHaveText("Активно");
  // The account folds out of the card, and the card re-tests the stored credentials without opening the form.
  await card.getByTestId("connection-account").locator("summary").click();
  await expect(card.getByTestId("connection-balance")).toBeVisible();
  await card.getByTestId("connection-card-test").click();
  await expect(card.getByTestId("test-result")).toHaveAttribute("data-ok", "true");

  await card.getByTestId("connection-edit").click();
  const edit = page.getByTestId("connection-form");
  await expect(edit.getByLabel("Пароль", { exact: true })).toHaveValue("");
  await expect(edit.getByLabel("Пароль", { exact: true })).toHaveAttribute("placeholder", "••••••");
  await expect(edit.getByLabel("Пользователь", { exact: true })).toHaveValue("finops");
  await edit.getByLabel("Название").fill("OpenStack продакшн");
  // A blank secret keeps the stored one: the saved connection still tests fine.
  await edit.getByTestId("connection-test").click();
  await expect(edit.getByTestId("test-result")).toHaveAttribute("data-ok", "true");
  await edit.getByTestId("connection-save").click();
  await expect(page.getByTestId("connections-notice")).toHaveText("Изменения сохранены.");
  const renamed = page.getByTestId("connection-card").filter({ hasText: "OpenStack продакшн" });
  await expect(renamed).toBeVisible();

  await renamed.getByTestId("connection-delete").click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Удалить подключение «OpenStack продакшн»?");
  await dialog.getByRole("button", { name: "Отмена" }).click();
  await expect(renamed).toBeVisible();
  await renamed.getByTestId("connection-delete").click();
  await page.getByTestId("delete-confirm").click();
  await expect(page.getByTestId("connections-empty")).toBeVisible();
});
