import { describe, expect, it } from "vitest";
import { DEFAULT_STATEMENT_CACHE, preparedStatementNames, statementCacheSize } from "@/server/db/prepared-statement-names";

describe("prepared statement names", () => {
  it("names a text the second time it is seen, the same name ever after, and different texts differently", () => {
    const nameOf = preparedStatementNames(10);
    expect(nameOf({ sql: "SELECT 1" })).toBe("");
    expect(nameOf({ sql: "SELECT 1" })).toBe("iz_0");
    expect(nameOf({ sql: "SELECT 2" })).toBe("");
    expect(nameOf({ sql: "SELECT 2" })).toBe("iz_1");
    expect(nameOf({ sql: "SELECT 1" })).toBe("iz_0");
    expect(nameOf({ sql: "SELECT 2" })).toBe("iz_1");
  });

  it("names at most `limit` texts and remembers a bounded number of texts seen once", () => {
    const nameOf = preparedStatementNames(2);
    for (const sql of ["a", "b", "c"]) nameOf({ sql });
    expect(["a", "b", "c"].map((sql) => nameOf({ sql }))).toEqual(["iz_0", "iz_1", ""]);
    expect(nameOf({ sql: "c" })).toBe("");
    // 2 × 4 texts are remembered: the ninth is forgotten, so it stays unnamed however often it comes.
    const bounded = preparedStatementNames(2);
    for (const sql of ["1", "2", "3", "4", "5", "6", "7", "8", "9"]) bounded({ sql });
    expect(bounded({ sql: "9" })).toBe("");
    expect(bounded({ sql: "8" })).toBe("iz_0");
  });

  it("names nothing with a limit of 0", () => {
    const nameOf = preparedStatementNames(0);
    expect([nameOf({ sql: "x" }), nameOf({ sql: "x" }), nameOf({ sql: "x" })]).toEqual(["", "", ""]);
  });

  it("reads DATABASE_STATEMENT_CACHE, refusing what is not a count", () => {
    expect(statementCacheSize({})).toBe(DEFAULT_STATEMENT_CACHE);
    expect(statementCacheSize({ DATABASE_STATEMENT_CACHE: " 0 " })).toBe(0);
    expect(statementCacheSize({ DATABASE_STATEMENT_CACHE: "50" })).toBe(50);
    expect(() => statementCacheSize({ DATABASE_STATEMENT_CACHE: "lots" })).toThrow('DATABASE_STATEMENT_CACHE must be a whole number of statements (0 turns prepared statements off), not "lots"');
  });
});
