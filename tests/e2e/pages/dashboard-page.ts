import { expect, type Locator, type Page } from "@playwright/test";

/** The dashboard as a user sees it: period control, KPI cards, charts and tables. */
export class DashboardPage {
  constructor(readonly page: Page) {}

  kpi(id: "total-spend" | "month-to-date" | "savings" | "active-resources" | "providers"): Locator {
    return this.page.getByTestId(`kpi-${id}`);
  }

  kpiValue(id: Parameters<DashboardPage["kpi"]>[0]): Locator {
    return this.page.getByTestId(`kpi-${id}-value`);
  }

  get periodLabel(): Locator {
    return this.page.getByTestId("dashboard-period");
  }

  async period(): Promise<{ from: string; to: string }> {
    await expect(this.periodLabel).toBeVisible();
    return { from: (await this.periodLabel.getAttribute("data-from")) ?? "", to: (await this.periodLabel.getAttribute("data-to")) ?? "" };
  }

  async pickPreset(preset: "7d" | "30d" | "90d" | "1y") {
    await this.page.getByTestId(`range-${preset}`).click();
  }

  async pickCustom(from: string, to: string) {
    await this.page.getByTestId("range-custom").click();
    await this.page.getByTestId("range-from").fill(from);
    await this.page.getByTestId("range-to").fill(to);
    await this.page.getByTestId("range-apply").click();
  }

  /** Waits until no request is in flight (the view has caught up with the URL). */
  async settled() {
    await expect(this.page.locator('[aria-busy="true"]')).toHaveCount(0);
  }
}
