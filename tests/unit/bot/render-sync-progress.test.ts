import { describe, expect, it } from "vitest";
import { renderSyncProgress, type SyncProgressRun } from "@/bot/sync-progress/render-sync-progress";

const finished = (status: string, error: string | null): SyncProgressRun => ({
  status,
  phases: [],
  resourcesCreated: 1,
  resourcesUpdated: 2,
  resourcesDeleted: 0,
  resourcesUnchanged: 3,
  monthlyCostTotal: null,
  currency: null,
  error,
  startedAt: new Date("2025-10-15T10:00:00Z"),
  finishedAt: new Date("2025-10-15T10:00:02Z"),
});

describe("the /sync progress message", () => {
  it("shows a failed run's reason", () => {
    expect(renderSyncProgress("en", "Prod", finished("error", "Selectel answered 401"))).toBe(['❌ Sync of "Prod" failed', "Reason: Selectel answered 401"].join("\n"));
    expect(renderSyncProgress("en", "Prod", finished("error", null))).toBe(['❌ Sync of "Prod" failed', "Reason: —"].join("\n"));
  });

  it("clips a long error to its first part on one line, failed or partial", () => {
    const stack = `Region ru-1 answered 503:\n${"upstream timed out; ".repeat(500)}`;
    const failed = renderSyncProgress("ru", "Prod", finished("error", stack)).split("\n");
    expect(failed).toHaveLength(2);
    expect(failed[1]).toMatch(/^Причина: Region ru-1 answered 503: upstream timed out; .*…$/);
    expect(failed[1]!.length).toBe("Причина: ".length + 400);

    const partial = renderSyncProgress("en", "Prod", finished("partial", stack));
    expect(partial.length).toBeLessThan(1000);
    expect(partial.split("\n").at(-1)).toMatch(/^Reason: Region ru-1 answered 503: .{300,}…$/);
  });
});
