import { describe, expect, it } from "vitest";
import { diffResource } from "@/server/sync/persistence/diff-resource";
import { preserveInventoryFields, viewOfRow, type ResourceView } from "@/server/sync/persistence/resource-view";

function view(overrides: Partial<ResourceView> = {}, specs: Record<string, unknown> = {}): ResourceView {
  return {
    name: "web-1",
    resourceType: "server",
    status: "RUNNING",
    region: "ru-3",
    projectId: "proj-a",
    projectName: "production",
    serviceName: "Cloud Servers",
    serviceCategory: "Compute",
    hourlyCost: "2.240000",
    dailyCost: "53.7600",
    monthlyCost: "1612.80",
    currency: "RUB",
    isZombie: false,
    isOrphan: false,
    isActive: true,
    tags: {},
    ...overrides,
    specs: { vcpus: 2, ramMb: 4096, flavorName: "SL1.2-4096", storageGb: 20, ipAddresses: ["10.0.0.5"], attachedVolumes: [], networkInterfaces: [], periodCost: "10.00", inventory: "found", ...specs },
  };
}

describe("diffResource", () => {
  it("created when there was nothing before", () => {
    expect(diffResource(null, view())).toEqual({ change: "created", costChanged: false, statusChanged: false, configChanged: false, diff: {} });
  });

  it("unchanged when only refreshed extras differ (month-to-date, billed metrics, key order)", () => {
    const before = view({}, { periodCost: "10.00", billedMetrics: [1] });
    const after = view({}, { billedMetrics: [2], periodCost: "12.00" });
    expect(diffResource(before, after).change).toBe("unchanged");
  });

  it("flags cost, status and config changes separately with a readable diff", () => {
    const result = diffResource(view(), view({ hourlyCost: "3.000000", dailyCost: "72.0000", monthlyCost: "2160.00", status: "STOPPED" }, { vcpus: 4, ipAddresses: ["10.0.0.5", "185.91.0.10"] }));
    expect(result).toMatchObject({ change: "updated", costChanged: true, statusChanged: true, configChanged: true });
    expect(result.diff).toEqual({
      hourlyCost: { before: "2.240000", after: "3.000000" },
      dailyCost: { before: "53.7600", after: "72.0000" },
      monthlyCost: { before: "1612.80", after: "2160.00" },
      status: { before: "RUNNING", after: "STOPPED" },
      vcpus: { before: 2, after: 4 },
      ipAddresses: { before: ["10.0.0.5"], after: ["10.0.0.5", "185.91.0.10"] },
    });
  });

  it("a reappearing resource is an update of its status", () => {
    expect(diffResource(view({ isActive: false, status: "DELETED" }), view())).toMatchObject({ change: "updated", statusChanged: true, costChanged: false, configChanged: false });
  });

  it("reads Decimal columns at their scale", () => {
    const decimal = (text: string) => ({ toFixed: (digits: number) => Number(text).toFixed(digits) });
    const row = { ...view(), hourlyCost: decimal("2.24"), dailyCost: decimal("53.76"), monthlyCost: decimal("1612.8"), specs: view().specs };
    expect(diffResource(viewOfRow(row), view()).change).toBe("unchanged");
  });
});

describe("preserveInventoryFields", () => {
  it("keeps the last known status, flags and inventory specs when the resource's scope failed", () => {
    const before = view({ status: "STOPPED", isZombie: false }, { vcpus: 8, ipAddresses: ["10.9.9.9"] });
    const after = view({ status: "UNKNOWN", hourlyCost: "9.000000" }, { vcpus: null, ipAddresses: [], inventory: "scope_failed" });
    const merged = preserveInventoryFields(before, after);
    expect(merged).toMatchObject({ status: "STOPPED", hourlyCost: "9.000000", specs: { vcpus: 8, ipAddresses: ["10.9.9.9"], inventory: "scope_failed" } });
    expect(diffResource(before, merged)).toMatchObject({ change: "updated", costChanged: true, statusChanged: false, configChanged: false });
  });

  it("changes nothing for resources the inventory did read", () => {
    const after = view({ status: "UNKNOWN" });
    expect(preserveInventoryFields(view(), after)).toBe(after);
    expect(preserveInventoryFields(null, view({}, { inventory: "scope_failed" })).status).toBe("RUNNING");
  });
});
