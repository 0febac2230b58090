import { describe, expect, it } from "vitest";
import { parseCostArgs } from "@/bot/commands/cost-args";

describe("parseCostArgs", () => {
  it("reads nothing as no choice", () => {
    expect(parseCostArgs("")).toEqual({ period: null, connection: null });
    expect(parseCostArgs("   ")).toEqual({ period: null, connection: null });
  });

  it("reads a period word in either language and case", () => {
    expect(parseCostArgs("today")).toEqual({ period: "today", connection: null });
    expect(parseCostArgs("WEEK")).toEqual({ period: "week", connection: null });
    expect(parseCostArgs("Месяц")).toEqual({ period: "month", connection: null });
    expect(parseCostArgs("сегодня")).toEqual({ period: "today", connection: null });
  });

  it("takes the rest as a connection name, with the period first or last", () => {
    expect(parseCostArgs('week Selectel "main", prod')).toEqual({ period: "week", connection: 'Selectel "main", prod' });
    expect(parseCostArgs("OpenStack  lab   today")).toEqual({ period: "today", connection: "OpenStack  lab" });
    expect(parseCostArgs("OpenStack lab")).toEqual({ period: null, connection: "OpenStack lab" });
    expect(parseCostArgs("monthly report")).toEqual({ period: null, connection: "monthly report" });
  });
});
