import { describe, expect, it } from "vitest";
import { postgresSessionOptions } from "@/server/db/postgres-session-options";

describe("PostgreSQL session options", () => {
  it("gives the app's sessions 32MB of work_mem unless told otherwise, and parallel plans only for big statements", () => {
    expect(postgresSessionOptions({})).toBe("-c work_mem=32MB -c parallel_setup_cost=20000");
    expect(postgresSessionOptions({ DATABASE_WORK_MEM: "64MB" })).toBe("-c work_mem=64MB -c parallel_setup_cost=20000");
    expect(postgresSessionOptions({ DATABASE_WORK_MEM: " " })).toBeUndefined();
  });

  it("refuses a value PostgreSQL would misread, saying what it expects", () => {
    expect(() => postgresSessionOptions({ DATABASE_WORK_MEM: "32 MB; DROP" })).toThrow('DATABASE_WORK_MEM must look like 32MB (a number with kB, MB or GB), not "32 MB; DROP"');
    expect(() => postgresSessionOptions({ DATABASE_WORK_MEM: "lots" })).toThrow(/DATABASE_WORK_MEM/);
  });
});
