import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import type { DatabaseTarget } from "@/server/db/database-target";
import { checkSchemaDrift, createMigration, deployMigrations, getMigrationStatus } from "@/server/db/migrations";

// Each test migrates its own fresh database (never the worker's shared one): in-memory PGlite always, plus
// a throwaway PostgreSQL database next to TEST_DATABASE_URL when that is set.
const ROOT = process.cwd();
const SLOW = 120_000;

interface TestDatabase {
  target: DatabaseTarget;
  pglite?: PGlite;
  query: (sql: string) => Promise<Record<string, unknown>[]>;
  drop: () => Promise<void>;
}

type Driver = { name: string; create: () => Promise<TestDatabase> };

async function createPgliteDatabase(): Promise<TestDatabase> {
  const pglite = new PGlite();
  return {
    target: { kind: "pglite", dataDir: null },
    pglite,
    query: async (sql) => (await pglite.query<Record<string, unknown>>(sql)).rows,
    drop: () => pglite.close(),
  };
}

let postgresCount = 0;
async function createPostgresDatabase(baseUrl: string): Promise<TestDatabase> {
  const url = new URL(baseUrl);
  const name = `${url.pathname.slice(1)}_migrations_${process.pid}_${++postgresCount}`;
  const admin = new URL(baseUrl);
  admin.pathname = "/postgres";
  const adminQuery = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE "${name}"`);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  return {
    target: { kind: "postgres", url: url.toString() },
    query: async (sql) => (await client.query<Record<string, unknown>>(sql)).rows,
    drop: async () => {
      await client.end();
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

const drivers: Driver[] = [{ name: "PGlite", create: createPgliteDatabase }];
const testDatabaseUrl = process.env.TEST_DATABASE_URL;
if (testDatabaseUrl) drivers.push({ name: "PostgreSQL", create: () => createPostgresDatabase(testDatabaseUrl) });

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function freshDatabase(driver: Driver): Promise<TestDatabase> {
  const database = await driver.create();
  cleanups.push(database.drop);
  return database;
}

async function tempProject(files: Record<string, string>): Promise<string> {
  const rootDir = await fs.mkdtemp(path.join(os.tmpdir(), "infrazen-migrations-"));
  cleanups.push(() => fs.rm(rootDir, { recursive: true, force: true }));
  for (const [file, content] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(rootDir, file)), { recursive: true });
    await fs.writeFile(path.join(rootDir, file), content);
  }
  return rootDir;
}

async function localMigrations(rootDir = ROOT): Promise<string[]> {
  const entries = await fs.readdir(path.join(rootDir, "prisma", "migrations"), { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

async function publicTables(database: TestDatabase): Promise<string[]> {
  const rows = await database.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name");
  return rows.map((row) => String(row.table_name));
}

describe.each(drivers)("migrations on $name", (driver) => {
  it("deploys every migration once, creating the schema's tables, and reports status before and after", { timeout: SLOW }, async () => {
    const database = await freshDatabase(driver);
    const options = { pglite: database.pglite };
    const migrations = await localMigrations();
    expect(migrations.length).toBeGreaterThan(0);

    const before = await getMigrationStatus(database.target, options);
    expect(before).toEqual({ applied: [], pending: migrations, failed: [], missingLocally: [] });

    const logged: string[] = [];
    const first = await deployMigrations(database.target, { ...options, log: (line) => logged.push(line) });
    expect(first.applied).toEqual(migrations);
    expect(logged).toHaveLength(migrations.length);

    const schema = await fs.readFile(path.join(ROOT, "prisma", "schema.prisma"), "utf8");
    const models = [...schema.matchAll(/^model (\w+) \{/gm)].map((match) => match[1]);
    expect(models.length).toBeGreaterThan(0);
    expect(await publicTables(database)).toEqual(expect.arrayContaining([...models, "_prisma_migrations"]));

    const recorded = await database.query("SELECT migration_name, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY started_at");
    expect(recorded.map((row) => row.migration_name)).toEqual(migrations);
    expect(recorded.every((row) => row.finished_at !== null && row.applied_steps_count === 1)).toBe(true);

    expect((await deployMigrations(database.target, options)).applied).toEqual([]);
    expect(await getMigrationStatus(database.target, options)).toEqual({ applied: migrations, pending: [], failed: [], missingLocally: [] });
  });

  it("rolls back a failing migration, records it as failed (not applied) and refuses to go on", { timeout: SLOW }, async () => {
    const database = await freshDatabase(driver);
    const options = { pglite: database.pglite };
    const rootDir = await tempProject({
      "prisma/migrations/migration_lock.toml": 'provider = "postgresql"\n',
      // A `;` inside a $$ body must not split the script.
      "prisma/migrations/20240101000000_ok/migration.sql":
        'CREATE TABLE "Ok" (id INT PRIMARY KEY);\nCREATE FUNCTION ok_one() RETURNS INT AS $$ SELECT 1; $$ LANGUAGE sql;\n',
      "prisma/migrations/20240102000000_broken/migration.sql": 'CREATE TABLE "Partial" (id INT PRIMARY KEY);\nSELECT 1 / 0;\n',
      "prisma/migrations/20240103000000_later/migration.sql": 'CREATE TABLE "Later" (id INT PRIMARY KEY);\n',
    });

    await expect(deployMigrations(database.target, { ...options, rootDir })).rejects.toThrow(/division by zero/);
    expect(await publicTables(database)).toEqual(["Ok", "_prisma_migrations"]);
    const rows = await database.query("SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY started_at");
    expect(rows).toEqual([
      { migration_name: "20240101000000_ok", finished_at: expect.anything() },
      { migration_name: "20240102000000_broken", finished_at: null },
    ]);
    expect(await getMigrationStatus(database.target, { ...options, rootDir })).toEqual({
      applied: ["20240101000000_ok"],
      pending: ["20240103000000_later"],
      failed: ["20240102000000_broken"],
      missingLocally: [],
    });

    await expect(deployMigrations(database.target, { ...options, rootDir })).rejects.toThrow(/failed migrations/);
    expect(await publicTables(database)).not.toContain("Later");
  });
});

describe("migrations on a persisted PGlite directory", () => {
  it("opens the target itself and releases it afterwards", { timeout: SLOW }, async () => {
    const rootDir = await tempProject({});
    const target: DatabaseTarget = { kind: "pglite", dataDir: path.join(rootDir, "pglite") };
    const migrations = await localMigrations();
    expect((await deployMigrations(target)).applied).toEqual(migrations);
    // A lock left behind would make this second open fail.
    expect((await getMigrationStatus(target)).applied).toEqual(migrations);
    await expect(fs.access(`${target.dataDir}.lock`)).rejects.toThrow();
  });
});

describe("schema drift", () => {
  it("finds the repository's schema and migrations in sync", { timeout: SLOW }, async () => {
    expect(await checkSchemaDrift()).toEqual({ inSync: true, sql: "" });
  });

  it("reports a model missing from the migrations, then creates the migration that closes the gap", { timeout: SLOW }, async () => {
    const schema = await fs.readFile(path.join(ROOT, "prisma", "schema.prisma"), "utf8");
    const files: Record<string, string> = {
      "prisma/schema.prisma": `${schema}\nmodel DriftProbe {\n  id    String @id\n  label String\n}\n`,
      "prisma/migrations/migration_lock.toml": await fs.readFile(path.join(ROOT, "prisma", "migrations", "migration_lock.toml"), "utf8"),
    };
    for (const name of await localMigrations()) {
      files[`prisma/migrations/${name}/migration.sql`] = await fs.readFile(path.join(ROOT, "prisma", "migrations", name, "migration.sql"), "utf8");
    }
    const rootDir = await tempProject(files);

    const drift = await checkSchemaDrift({ rootDir });
    expect(drift.inSync).toBe(false);
    expect(drift.sql).toContain('CREATE TABLE "DriftProbe"');
    expect(drift.sql).not.toContain('CREATE TABLE "User"');

    const created = await createMigration("Add drift probe", { rootDir, now: new Date("2099-01-02T03:04:05Z") });
    expect(created.directory).toBe(path.join(rootDir, "prisma", "migrations", "20990102030405_add_drift_probe"));
    expect(created.sql).toBe(drift.sql);
    expect(await fs.readFile(path.join(created.directory ?? "", "migration.sql"), "utf8")).toBe(drift.sql);

    expect(await checkSchemaDrift({ rootDir })).toEqual({ inSync: true, sql: "" });
    expect(await createMigration("nothing_changed", { rootDir })).toEqual({ directory: null, sql: "" });
  });
});
