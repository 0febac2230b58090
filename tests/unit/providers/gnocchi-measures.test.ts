import { describe, expect, it } from "vitest";
import { aggregatesUrl, parseGnocchiMeasures } from "@/server/providers/lib/openstack";

const SERVER = "6b0c2f5e-1d2a-4c3b-9e8f-0a1b2c3d4e5f";
const at = (iso: string) => Date.parse(iso);

describe("parseGnocchiMeasures", () => {
  it("reads an operation's single series: [timestamp with offset, granularity, value] → [epoch ms, value], oldest first", () => {
    const body = {
      measures: {
        aggregated: [
          ["2025-11-02T09:10:00+00:00", 300.0, 7.5],
          ["2025-11-02T09:05:00+00:00", 300.0, 12.25],
          ["2025-11-02T12:05:00+03:00", 300.0, 9],
        ],
      },
    };
    expect(parseGnocchiMeasures(body, { kind: "aggregated" }, 300)).toEqual([
      [at("2025-11-02T09:05:00Z"), 12.25],
      [at("2025-11-02T09:05:00Z"), 9],
      [at("2025-11-02T09:10:00Z"), 7.5],
    ]);
  });

  it("reads one resource's metric and aggregation from the per-resource shape", () => {
    const body = { measures: { [SERVER]: { "memory.usage": { mean: [["2025-11-02T09:05:00+00:00", 300, 1843.5]], max: [["2025-11-02T09:05:00+00:00", 300, 1900]] } } } };
    expect(parseGnocchiMeasures(body, { kind: "resource", resourceId: SERVER, metric: "memory.usage", aggregation: "mean" }, 300)).toEqual([[at("2025-11-02T09:05:00Z"), 1843.5]]);
  });

  it("treats a resource, metric or aggregation the answer does not mention as no samples", () => {
    const pick = { kind: "resource" as const, resourceId: SERVER, metric: "memory.usage", aggregation: "mean" };
    expect(parseGnocchiMeasures({ measures: {} }, pick, 300)).toEqual([]);
    expect(parseGnocchiMeasures({ measures: { [SERVER]: {} } }, pick, 300)).toEqual([]);
    expect(parseGnocchiMeasures({ measures: { [SERVER]: { "memory.usage": { max: [] } } } }, pick, 300)).toEqual([]);
  });

  it("drops null values, unreadable timestamps and other granularities: a gap is not a zero", () => {
    const body = {
      measures: {
        aggregated: [
          ["2025-11-02T09:00:00+00:00", 3600.0, 10],
          ["2025-11-02T09:00:00+00:00", 300.0, null],
          ["not a time", 300.0, 4],
          ["2025-11-02T09:05:00+00:00", 300.0, 5],
        ],
      },
    };
    expect(parseGnocchiMeasures(body, { kind: "aggregated" }, 300)).toEqual([[at("2025-11-02T09:05:00Z"), 5]]);
  });

  it("refuses what is not a measures answer", () => {
    expect(parseGnocchiMeasures("<html>gateway</html>", { kind: "aggregated" }, 300)).toBeNull();
    expect(parseGnocchiMeasures({ aggregated: [] }, { kind: "aggregated" }, 300)).toBeNull();
    expect(parseGnocchiMeasures({ measures: { aggregated: [[1, 2]] } }, { kind: "aggregated" }, 300)).toBeNull();
    expect(parseGnocchiMeasures({ measures: { [SERVER]: { "memory.usage": { mean: "x" } } } }, { kind: "resource", resourceId: SERVER, metric: "memory.usage", aggregation: "mean" }, 300)).toBeNull();
  });

  it("builds the aggregates URL from an unversioned or a /v1 catalog entry", () => {
    expect(aggregatesUrl("https://ru-3.cloud.api.selcloud.ru/metric")).toBe("https://ru-3.cloud.api.selcloud.ru/metric/v1/aggregates");
    expect(aggregatesUrl("http://gnocchi.example:8041/")).toBe("http://gnocchi.example:8041/v1/aggregates");
    expect(aggregatesUrl("http://gnocchi.example:8041/v1")).toBe("http://gnocchi.example:8041/v1/aggregates");
  });
});
