import { expect, type Locator, type Page } from "@playwright/test";

/** The cost explorer: controls, filter pickers, the table and its export. */
export class CostExplorerPage {
  constructor(readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(`/ru/costs${query}`);
    await expect(this.page.getByRole("heading", { level: 1 })).toHaveText("Анализ затрат");
  }

  get groupBy(): Locator {
    return this.page.getByTestId("explorer-group-by");
  }

  granularity(value: "day" | "week" | "month"): Locator {
    return this.page.getByRole("radiogroup", { name: "Шаг" }).getByTestId(`granularity-${value}`);
  }

  /** Opens a filter's disclosure and ticks one option by its visible name. */
  async pick(filter: "connectionIds" | "providerIds" | "services" | "regions" | "projects" | "resourceTypes", option: string) {
    const picker = this.page.getByTestId(`filter-${filter}`);
    await picker.locator("summary").click();
    const checkbox = picker.getByRole("checkbox", { name: option, exact: true });
    // The box is controlled by the URL, which updates a tick after the click: check() would see no change yet.
    await checkbox.click();
    await expect(checkbox).toBeChecked();
    await picker.locator("summary").click();
  }

  get rows(): Locator {
    return this.page.getByTestId("explorer-row");
  }

  get grandTotal(): Locator {
    return this.page.getByTestId("explorer-grand-total");
  }

  /** The visible rows as [label, exact total] pairs. */
  async tableRows(): Promise<[string, string][]> {
    return this.rows.evaluateAll((rows) =>
      rows.map((row) => [
        row.querySelector('[data-testid="explorer-row-label"]')?.textContent?.trim() ?? "",
        row.querySelector('[data-testid="explorer-row-total"]')?.getAttribute("data-amount") ?? "",
      ]),
    );
  }

  async settled() {
    await expect(this.page.locator('[aria-busy="true"]')).toHaveCount(0);
  }
}
