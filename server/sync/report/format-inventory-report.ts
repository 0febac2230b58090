import type { InventoryReport, UnifiedResource } from "../model/unified-resource";

/** The resource fields the CLI prints (costs stay decimal strings). */
export function printableResource(resource: UnifiedResource) {
  return {
    providerResourceId: resource.providerResourceId,
    name: resource.name,
    type: resource.type,
    status: resource.status,
    region: resource.region,
    projectId: resource.projectId,
    projectName: resource.projectName,
    vcpus: resource.vcpus,
    ramMb: resource.ramMb,
    flavorName: resource.flavorName,
    storageGb: resource.storageGb,
    ipAddresses: resource.ipAddresses,
    attachedVolumes: resource.attachedVolumes,
    networkInterfaces: resource.networkInterfaces,
    hourlyCost: resource.hourlyCost,
    dailyCost: resource.dailyCost,
    monthlyCost: resource.monthlyCost,
    periodCost: resource.periodCost,
    currency: resource.currency,
    flags: resource.flags,
    specs: resource.specs,
  };
}

export function inventoryReportJson(report: InventoryReport) {
  return {
    account: report.account,
    window: report.window,
    resources: report.resources.map(printableResource),
    unrecognized: report.unrecognized,
    phases: report.phases,
    failures: report.failures,
  };
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ").trimEnd();
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}

function flagsOf(resource: UnifiedResource): string {
  return [resource.flags.zombie ? "zombie" : "", resource.flags.orphan ? "orphan" : "", resource.inventory === "scope_failed" ? "scope-failed" : ""].filter(Boolean).join(",");
}

/** A human-readable summary: account, one line per resource, unknown types, phases and failures. */
export function formatInventoryTable(report: InventoryReport): string {
  const { account } = report;
  const out: string[] = [
    `Account ${account.accountName} (${account.accountId}) — balance ${account.balance ?? "n/a"} ${account.currency}, days left ${account.daysLeft ?? "n/a"}`,
    `Window ${report.window.start} → ${report.window.end}`,
    "",
    table(
      ["TYPE", "NAME", "STATUS", "REGION", "VCPU", "RAM MB", "DISK GB", "IP ADDRESSES", `${report.currency}/HOUR`, `${report.currency}/MONTH`, "FLAGS"],
      report.resources.map((resource) => [
        resource.type,
        resource.name,
        resource.status,
        resource.region ?? "",
        resource.vcpus?.toString() ?? "",
        resource.ramMb?.toString() ?? "",
        resource.storageGb?.toString() ?? "",
        resource.ipAddresses.join(" "),
        resource.hourlyCost,
        resource.monthlyCost,
        flagsOf(resource),
      ]),
    ),
  ];
  if (report.unrecognized.length > 0) {
    out.push("", "Unrecognized billing types:");
    out.push(table(["BILLING TYPE", "NAME", "GUESS", `${report.currency}/MONTH`], report.unrecognized.map((item) => [item.billingType, item.name ?? item.providerResourceId, item.inferredType ?? "?", item.monthlyCost])));
  }
  out.push("", table(["PHASE", "STATUS", "MS", "API CALLS", "COUNTS"], report.phases.map((phase) => [phase.id, phase.status, String(phase.durationMs ?? ""), String(phase.apiCalls), Object.entries(phase.counts).map(([key, value]) => `${key}=${value}`).join(" ")])));
  for (const failure of report.failures) out.push(`FAILED ${failure.phase} ${failure.projectId ?? "*"}/${failure.region ?? "*"}: ${failure.error}`);
  return out.join("\n");
}
