import { describe, expect, it } from "vitest";
import { coarseSamples, fineSamples, type LoadSource } from "@/server/sandbox/openstack/server-load-samples";
import type { ScenarioServer } from "@/server/sandbox/scenario";
import { selectelDemoBuAScenario } from "@/server/sandbox/scenarios/selectel-demo-bu-a";
import { selectelDemoBuBScenario } from "@/server/sandbox/scenarios/selectel-demo-bu-b";

const HOUR = 3_600_000;
const NOW = new Date("2026-03-05T12:00:00Z");
/** Monday 2026-03-02 00:00 Moscow. */
const MONDAY_MSK = Date.parse("2026-03-01T21:00:00Z");

function source(scenarioServers: ScenarioServer[], flavors: { id: string; ramMb: number }[], name: string): LoadSource {
  const server = scenarioServers.find((candidate) => candidate.name === name)!;
  return { server, flavor: flavors.find((flavor) => flavor.id === server.flavorId) as LoadSource["flavor"] };
}

const mean = (samples: [number, number][]) => samples.reduce((sum, [, value]) => sum + value, 0) / samples.length;
const buA = selectelDemoBuAScenario(NOW);
const buB = selectelDemoBuBScenario(NOW);

describe("synthetic server load", () => {
  it("is a pure function of server, metric and instant: any window gives the same samples", () => {
    const db = source(buA.servers, buA.flavors, "db-postgres-prod-01");
    const week = fineSamples(db, "cpu_util", MONDAY_MSK, MONDAY_MSK + 7 * 24 * HOUR);
    const oneHour = fineSamples(db, "cpu_util", MONDAY_MSK + 30 * HOUR, MONDAY_MSK + 31 * HOUR);
    expect(week).toHaveLength(7 * 24 * 12);
    expect(oneHour).toEqual(week.slice(30 * 12, 31 * 12));
    expect(fineSamples(db, "cpu_util", MONDAY_MSK, MONDAY_MSK + HOUR)).toEqual(week.slice(0, 12));
  });

  it("keeps the production database busy with a daily rhythm and the stage database idle", () => {
    const db = source(buA.servers, buA.flavors, "db-postgres-prod-01");
    const afternoon = fineSamples(db, "cpu_util", MONDAY_MSK + 13 * HOUR, MONDAY_MSK + 15 * HOUR);
    const night = fineSamples(db, "cpu_util", MONDAY_MSK + 1 * HOUR, MONDAY_MSK + 3 * HOUR);
    expect(mean(afternoon)).toBeGreaterThan(66);
    expect(mean(night)).toBeLessThan(60);
    const weekday = fineSamples(db, "cpu_util", MONDAY_MSK, MONDAY_MSK + 24 * HOUR);
    expect(mean(weekday)).toBeGreaterThan(60);
    expect(mean(weekday)).toBeLessThan(70);

    const idle = fineSamples(source(buB.servers, buB.flavors, "db-postgres-stage-01"), "cpu_util", MONDAY_MSK, MONDAY_MSK + 7 * 24 * HOUR);
    expect(mean(idle)).toBeGreaterThan(1.5);
    expect(mean(idle)).toBeLessThan(4);
    const memory = fineSamples(source(buB.servers, buB.flavors, "db-postgres-stage-01"), "memory.usage", MONDAY_MSK, MONDAY_MSK + 24 * HOUR);
    // 14 % of 32 GB.
    expect(mean(memory) / 32_768).toBeCloseTo(0.14, 1);
  });

  it("runs the CI runner only on weekdays 08–20 Moscow, spiking while builds run", () => {
    const runner = source(buB.servers, buB.flavors, "ci-runner-spot");
    const week = fineSamples(runner, "cpu_util", MONDAY_MSK, MONDAY_MSK + 7 * 24 * HOUR);
    const moscowHour = (at: number) => new Date(at + 3 * HOUR).getUTCHours();
    expect(week.every(([at]) => moscowHour(at) >= 8 && moscowHour(at) < 20 && at < MONDAY_MSK + 5 * 24 * HOUR)).toBe(true);
    expect(week).toHaveLength(5 * 12 * 12);
    const hourly = coarseSamples(week, HOUR, "cpu_util").map(([, value]) => value);
    expect(hourly.filter((value) => value > 80).length).toBeGreaterThan(10);
    expect(hourly.filter((value) => value < 15).length).toBeGreaterThan(10);
  });

  it("publishes CPU time as a counter whose rate is the same percent, and memory in MB of the flavor", () => {
    const db = source(buA.servers, buA.flavors, "db-postgres-prod-01");
    const util = fineSamples(db, "cpu_util", MONDAY_MSK, MONDAY_MSK + HOUR);
    const counter = fineSamples(db, "cpu_average", MONDAY_MSK, MONDAY_MSK + HOUR);
    for (let index = 1; index < counter.length; index++) {
      expect((counter[index]![1] - counter[index - 1]![1]) / 300 / 1e7).toBeCloseTo(util[index]![1], 6);
    }
    const memory = fineSamples(db, "memory.usage", MONDAY_MSK, MONDAY_MSK + HOUR);
    expect(mean(memory) / 65_536).toBeGreaterThan(0.78);
  });

  it("has nothing for a server before it was created or while it is shut off", () => {
    const db = source(buA.servers, buA.flavors, "db-postgres-prod-01");
    const created = Date.parse(db.server.createdAt);
    expect(fineSamples(db, "cpu_util", created - 2 * HOUR, created)).toEqual([]);
    expect(fineSamples({ ...db, server: { ...db.server, status: "SHUTOFF" } }, "memory.usage", MONDAY_MSK, MONDAY_MSK + HOUR)).toEqual([]);
  });
});
