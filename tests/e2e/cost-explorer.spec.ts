import fs from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { CostExplorerPage } from "./pages/cost-explorer-page";
import { logInAsDemo, parseCsv, plain, rub, trpcData } from "./support/demo";

const SCREENSHOTS = "tests/.artifacts/screenshots";

type Options = { connections: { id: string; name: string }[]; services: string[]; tagKeys: string[] };
type Result = {
  buckets: string[];
  rows: { key: string | null; label: string; total: string }[];
  totals: { total: string; byBucket: string[] };
  pagination: { totalRows: number };
  period: { from: string; to: string };
};

test("demo explorer: group by service weekly for one connection, shareable URL, sorting, CSV equals the table", async ({ page, context }) => {
  await logInAsDemo(page);
  const explorer = new CostExplorerPage(page);
  await explorer.goto();
  const options = await trpcData<Options>(page, "costExplorer.options");
  const [connection] = options.connections;
  if (!connection) throw new Error("the demo organization has no connection");

  await explorer.groupBy.selectOption("service");
  await explorer.granularity("week").click();
  await expect(page).toHaveURL(/gran=week/);
  await explorer.pick("connectionIds", connection.name);
  await expect(page).toHaveURL(new RegExp(`conn=${connection.id}`));
  await page.getByTestId("range-90d").click();
  await expect(page).toHaveURL(/range=90d/);
  await explorer.settled();

  // The table shows what the query procedure answers for the same input.
  const query = { range: { preset: "90d" }, granularity: "week", groupBy: "service", filters: { connectionIds: [connection.id] }, pageSize: 25 };
  const expected = await trpcData<Result>(page, "costExplorer.query", query);
  expect(expected.rows.length).toBeGreaterThan(0);
  await expect(explorer.rows).toHaveCount(expected.rows.length);
  expect(await explorer.tableRows()).toEqual(expected.rows.map((row) => [row.key === null ? "Без значения" : row.label, row.total]));
  expect(plain(await explorer.grandTotal.innerText())).toBe(plain(rub(expected.totals.total)));
  await expect(page.getByTestId("explorer-table").locator("thead th[data-bucket]")).toHaveCount(expected.buckets.length);
  await expect(page.getByTestId("explorer-chart").locator("svg.recharts-surface")).toBeVisible();
  await expect(page.getByTestId("explorer-export")).toBeEnabled();
  await expect(page.getByTestId("explorer-table-card")).toContainText(`все ${expected.pagination.totalRows} строк`);
  await page.screenshot({ path: `${SCREENSHOTS}/cost-explorer.png`, fullPage: true });

  // Sorting by name ascending is part of the URL too.
  await page.getByTestId("sort-label").click();
  await expect(page).toHaveURL(/sort=label/);
  const byName = await trpcData<Result>(page, "costExplorer.query", { ...query, sort: { by: "label", direction: "asc" } });
  const labels = byName.rows.map((row) => (row.key === null ? "Без значения" : row.label));
  // The URL changes before the re-sorted page is fetched: wait for the table itself, not for "not busy".
  const tableLabels = async () => (await explorer.tableRows()).map(([label]) => label);
  await expect.poll(tableLabels).toEqual(labels);

  // The URL alone restores the view: reload, and open it in a fresh tab.
  const url = page.url();
  await page.reload();
  await expect(explorer.groupBy).toHaveValue("service");
  await expect(explorer.granularity("week")).toHaveAttribute("aria-checked", "true");
  await expect(page.getByTestId("filter-connectionIds").locator("summary")).toContainText(connection.name);
  await expect.poll(tableLabels).toEqual(labels);
  const second = await context.newPage();
  await second.goto(url);
  await expect(second.getByTestId("explorer-grand-total")).toHaveText(await explorer.grandTotal.innerText());

  // Export: every row of the query in the table's order, the bucket columns, and the totals line.
  const download = page.waitForEvent("download");
  await page.getByTestId("explorer-export").click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^infrazen-costs-by-service-week-.*\.csv$/);
  const csv = parseCsv(await fs.readFile(await file.path(), "utf8")).filter((row) => row.some(Boolean));
  const [header, ...body] = csv;
  // Labels as the Russian table shows them; buckets as ISO dates and amounts with dot decimals.
  expect(header).toEqual(["Сервис", ...byName.buckets, "Итого"]);
  const totalsLine = body.pop();
  expect(totalsLine?.[0]).toBe("Итого по всем строкам");
  expect(body.map((row) => [row[0], row.at(-1)])).toEqual(byName.rows.map((row) => [row.key === null ? "Без значения" : row.label, row.total]));
  expect(totalsLine?.at(-1)).toBe(byName.totals.total);
  expect(totalsLine?.slice(1, -1)).toEqual(byName.totals.byBucket);
});

test("explorer: a link with group and granularity, a reversed custom range explains itself, group by tag needs a key", async ({ page }) => {
  await logInAsDemo(page);
  const explorer = new CostExplorerPage(page);
  await explorer.goto("?group=provider&gran=month");
  await expect(explorer.groupBy).toHaveValue("provider");
  await expect(explorer.granularity("month")).toHaveAttribute("aria-checked", "true");
  const providers = await trpcData<Result>(page, "costExplorer.query", { range: { preset: "30d" }, granularity: "month", groupBy: "provider" });
  await expect(explorer.rows).toHaveCount(providers.rows.length);

  await page.getByTestId("range-custom").click();
  await page.getByTestId("range-from").fill(providers.period.to);
  await page.getByTestId("range-to").fill(providers.period.from);
  await page.getByTestId("range-apply").click();
  await expect(page).toHaveURL(new RegExp(`from=${providers.period.to}&to=${providers.period.from}`));
  await expect(page.getByTestId("explorer-error")).toContainText(`Начало периода (${providers.period.to}) позже его конца (${providers.period.from})`);
  // The same link opened directly shows the same explanation.
  await page.reload();
  await expect(page.getByTestId("explorer-error")).toContainText("позже его конца");

  // Grouping by tag asks for a key: the first known key is picked; without any, the server says what is missing.
  await page.getByTestId("range-30d").click();
  await explorer.groupBy.selectOption("tag");
  const { tagKeys } = await trpcData<Options>(page, "costExplorer.options");
  if (tagKeys.length > 0) {
    await expect(page.getByTestId("explorer-tag-key")).toHaveValue(tagKeys[0] ?? "");
    await expect(page).toHaveURL(/group=tag&tagKey=/);
    await expect(explorer.grandTotal).toBeVisible();
  } else {
    await expect(page.getByTestId("explorer-error")).toContainText("Выберите ключ тега");
  }
});
