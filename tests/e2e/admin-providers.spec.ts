import { expect, test } from "@playwright/test";
import { logIn, signUp, trpcCall, uniqueEmail } from "./support/accounts";
import { E2E_SUPER_ADMIN } from "./support/super-admin";

const OPENSTACK_FORM = {
  providerId: "openstack",
  name: "OpenStack лаборатория",
  credentials: { authUrl: "https://keystone.example.test:5000/v3", username: "finops", password: "Os-Secret-Passw0rd!", projectName: "lab" },
};

test("a disabled provider disappears from the add picker, and its existing connection says why it no longer syncs", async ({ page, browser }) => {
  const customer = await (await browser.newContext()).newPage();
  await signUp(customer, { name: "Клиент Провайдеров", email: uniqueEmail("providers"), company: "ООО Провайдеры" });
  await expect(customer).toHaveURL(/\/ru\/dashboard$/);
  const created = await trpcCall(customer, "connection.create", OPENSTACK_FORM, "POST");
  expect(created.status, JSON.stringify(created.body)).toBe(200);

  await logIn(page, E2E_SUPER_ADMIN.email, E2E_SUPER_ADMIN.password);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/ru/admin");
  await page.getByRole("link", { name: "Провайдеры" }).click();
  const openstack = page.locator('[data-testid="provider-row"][data-provider="openstack"]');
  try {
    await openstack.getByTestId("provider-enabled").uncheck();
    await openstack.getByTestId("provider-save").click();
    await expect(openstack.getByRole("status")).toHaveText("Сохранено");
    await expect(openstack).toContainText("Выкл.");

    await customer.goto("/ru/connections");
    const card = customer.getByTestId("connection-card").filter({ hasText: "OpenStack лаборатория" });
    await expect(card.getByTestId("provider-disabled")).toContainText("отключён администратором платформы: подключение больше не синхронизируется");
    await customer.getByTestId("add-connection").click();
    await expect(customer.getByTestId("provider-selectel")).toBeVisible();
    await expect(customer.getByTestId("provider-openstack")).toHaveCount(0);
    const refused = await trpcCall(customer, "connection.create", { ...OPENSTACK_FORM, name: "Ещё один" }, "POST");
    expect(refused.status).toBe(400);
  } finally {
    // Other specs add OpenStack connections: leave the catalog as it was.
    const restored = await trpcCall(page, "admin.providers.update", { providerId: "openstack", enabled: true, displayOrder: 10, defaultSyncIntervalMinutes: 360 }, "POST");
    expect(restored.status).toBe(200);
  }
  await customer.reload();
  await expect(customer.getByTestId("provider-disabled")).toHaveCount(0);
});
