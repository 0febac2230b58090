import { expect, test } from "@playwright/test";

const SCREENSHOTS = "tests/.artifacts/screenshots";

test("demo: resources per connection, zombie filter in the URL, and a resource's cost chart and change history", async ({ page }) => {
  await page.goto("/ru/login");
  await page.getByTestId("demo-login").click();
  await expect(page).toHaveURL(/\/ru\/dashboard$/);
  await page.getByTestId("sidebar").getByRole("link", { name: "Ресурсы" }).click();
  await expect(page).toHaveURL(/\/ru\/resources$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ресурсы");

  const summary = page.getByTestId("resource-summary");
  await expect(summary.getByTestId("summary-zombies")).toHaveText("1");
  await expect(summary.getByTestId("summary-orphans")).toHaveText("1");
  await expect(summary.getByTestId("summary-daily")).toHaveText(/^[\d\s]+,\d{2}\s₽$/);

  const section = page.getByTestId("resource-section").filter({ has: page.getByTestId("resource-section-name").getByText("Selectel BU-A (prod)", { exact: true }) });
  await expect(section).toBeVisible();
  await expect(section.getByTestId("resource-section-meta")).toContainText("Selectel");
  await expect(section.getByTestId("resource-section-daily")).toContainText("₽ в день");
  const api = section.locator('[data-testid="resource-card"][data-name="api-backend-prod-01"]');
  await expect(api.getByTestId("resource-ips")).toContainText("87.228.140.11");
  await expect(api.getByTestId("resource-daily")).toHaveText(/^\d[\d\s]*,\d{2}\s₽$/);
  await expect(api.getByTestId("resource-volumes")).toContainText("/dev/sda");
  await expect(section.locator('[data-testid="resource-card"][data-name="pg-backup-volume"]').getByTestId("flag-orphan")).toHaveText("Сирота");
  const stage = page.getByTestId("resource-section").filter({ has: page.getByTestId("resource-section-name").getByText("Selectel BU-B (dev/stage)", { exact: true }) });
  const zombie = stage.locator('[data-testid="resource-card"][data-name="k8s-stage-worker-old"]');
  await expect(zombie.getByTestId("flag-zombie")).toHaveText("Зомби");
  await page.screenshot({ path: `${SCREENSHOTS}/resources.png`, fullPage: true });

  await page.getByTestId("filter-flag").selectOption("zombie");
  await expect(page).toHaveURL(/\/ru\/resources\?flag=zombie$/);
  await expect(page.getByTestId("resource-card")).toHaveCount(1);
  await expect(page.getByTestId("resource-card")).toHaveAttribute("data-name", "k8s-stage-worker-old");
  // The filter survives a reload: it lives in the URL.
  await page.reload();
  await expect(page.getByTestId("filter-flag")).toHaveValue("zombie");
  await expect(page.getByTestId("resource-card")).toHaveCount(1);
  await page.screenshot({ path: `${SCREENSHOTS}/resources-zombies.png`, fullPage: true });

  await page.getByTestId("resource-link").click();
  await expect(page).toHaveURL(/\/ru\/resources\/[^/?]+$/);
  await expect(page.getByTestId("resource-title")).toHaveText("k8s-stage-worker-old");
  await expect(page.getByTestId("flag-zombie")).toBeVisible();
  await expect(page.getByTestId("cost-chart").locator("svg.recharts-surface")).toBeVisible();
  await expect(page.getByTestId("cost-history-total")).toHaveText(/₽$/);
  const changes = page.getByTestId("change-row");
  await expect(changes.first()).toBeVisible();
  await expect(changes.last()).toContainText("Появился");
  await page.screenshot({ path: `${SCREENSHOTS}/resource-detail.png`, fullPage: true });
});
