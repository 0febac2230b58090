import { expect, test } from "@playwright/test";
import { trpcData } from "./support/demo";

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
  // Servers carry the week's load from the sandbox's Gnocchi: a sparkline and the averages.
  await expect(api.getByTestId("resource-usage").locator("svg.recharts-surface")).toBeVisible();
  await expect(api.getByTestId("resource-usage-cpu")).toHaveText(/^CPU \d+(,\d)? %$/);
  await expect(section.locator('[data-testid="resource-card"][data-name="pg-backup-volume"]').getByTestId("resource-usage")).toHaveCount(0);
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

type Usage = { availability: string; points: { at: string }[]; summary: { cpu: { average: number; peak: number } | null; ram: { average: number; peak: number } | null } };

test("demo: a server's page charts its CPU and memory over a chosen range; a zombie says why it has none", async ({ page }) => {
  await page.goto("/ru/login");
  await page.getByTestId("demo-login").click();
  await expect(page).toHaveURL(/\/ru\/dashboard$/);
  await page.goto("/ru/resources?search=db-postgres-prod-01");
  await page.getByTestId("resource-link").filter({ hasText: /^db-postgres-prod-01$/ }).click();
  await expect(page.getByTestId("resource-title")).toHaveText("db-postgres-prod-01");
  const id = page.url().split("/").at(-1)!;

  const usage = page.getByTestId("usage-section");
  await expect(usage).toContainText("Europe/Moscow");
  await expect(usage.getByTestId("usage-range-7d")).toHaveAttribute("aria-pressed", "true");
  await expect(usage.getByTestId("usage-chart-cpu").locator("svg.recharts-surface")).toBeVisible();
  await expect(usage.getByTestId("usage-chart-ram").locator("svg.recharts-surface")).toBeVisible();
  const percent = (value: number) => `${new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 1 }).format(value)} %`;
  const week = await trpcData<Usage>(page, "resource.usage", { id, range: "7d" });
  expect(week.availability).toBe("collected");
  // The production database is the busy one: ≈60–70 % CPU with its daily rhythm.
  expect(week.summary.cpu!.average).toBeGreaterThan(55);
  expect(week.summary.cpu!.average).toBeLessThan(75);
  await expect(usage.getByTestId("usage-cpu-average")).toHaveText(`в среднем ${percent(week.summary.cpu!.average)}`);
  await expect(usage.getByTestId("usage-ram-peak")).toHaveText(`пик ${percent(week.summary.ram!.peak)}`);
  await page.screenshot({ path: `${SCREENSHOTS}/resource-usage.png`, fullPage: true });

  await usage.getByTestId("usage-range-24h").click();
  await expect(usage.getByTestId("usage-range-24h")).toHaveAttribute("aria-pressed", "true");
  const day = await trpcData<Usage>(page, "resource.usage", { id, range: "24h" });
  expect(day.points.length).toBeGreaterThanOrEqual(22);
  await expect(usage.getByTestId("usage-cpu-average")).toHaveText(`в среднем ${percent(day.summary.cpu!.average)}`);
  // Hours are labelled in the user's time zone (Moscow): the axis starts at the first point's hour as Moscow reads it.
  const firstHour = new Intl.DateTimeFormat("ru-RU", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Moscow" }).format(new Date(day.points[0]!.at));
  await expect(usage.getByTestId("usage-chart-cpu").locator(".recharts-xAxis")).toContainText(firstHour);

  await page.goto("/ru/resources?flag=zombie");
  await page.getByTestId("resource-link").click();
  await expect(page.getByTestId("resource-title")).toHaveText("k8s-stage-worker-old");
  await expect(page.getByTestId("usage-empty")).toHaveAttribute("data-reason", "deleted");
  await expect(page.getByTestId("usage-empty")).toHaveText("Сервера больше нет в облаке: измерять нечего.");
});
