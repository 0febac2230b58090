import { describe, expect, it } from "vitest";
import { matchConnection, parseCostArgs } from "@/bot/commands/cost-args";

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

describe("matchConnection", () => {
  const connections = [{ name: "Prod" }, { name: "Prod backup" }, { name: 'Selectel "main", prod' }, { name: "OpenStack lab" }];

  it("prefers the exact name in any case and spacing", () => {
    expect(matchConnection("prod", connections)).toEqual({ kind: "found", connection: { name: "Prod" } });
    expect(matchConnection("  openstack   LAB ", connections)).toEqual({ kind: "found", connection: { name: "OpenStack lab" } });
  });

  it("accepts a part of one name only", () => {
    expect(matchConnection("selectel", connections)).toEqual({ kind: "found", connection: { name: 'Selectel "main", prod' } });
    expect(matchConnection("backup", connections)).toEqual({ kind: "found", connection: { name: "Prod backup" } });
  });

  it("reports several candidates or none", () => {
    expect(matchConnection("pro", connections)).toEqual({ kind: "ambiguous", candidates: [{ name: "Prod" }, { name: "Prod backup" }, { name: 'Selectel "main", prod' }] });
    expect(matchConnection("yandex", connections)).toEqual({ kind: "none" });
    expect(matchConnection("prod", [{ name: "PROD" }, { name: "prod" }])).toEqual({ kind: "ambiguous", candidates: [{ name: "PROD" }, { name: "prod" }] });
  });
});
