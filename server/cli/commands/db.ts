import path from "node:path";
import { describeDatabaseTarget, resolveDatabaseTarget, type DatabaseTarget } from "../../db/database-target";
import { checkSchemaDrift, createMigration, deployMigrations, getMigrationStatus } from "../../db/migrations";
import { CliUsageError, type CliCommand } from "../cli-command";

function announce(target: DatabaseTarget): void {
  console.log(`Database: ${describeDatabaseTarget(target)}`);
}

async function deploy(): Promise<number> {
  const target = resolveDatabaseTarget();
  announce(target);
  const { applied } = await deployMigrations(target, { log: (line) => console.log(line) });
  console.log(applied.length ? `${applied.length} migration(s) applied.` : "Database is up to date.");
  return 0;
}

async function status(): Promise<number> {
  const target = resolveDatabaseTarget();
  announce(target);
  const { applied, pending, failed, missingLocally } = await getMigrationStatus(target);
  const section = (title: string, names: string[]) => {
    if (names.length) console.log(`${title} (${names.length}):\n${names.map((name) => `  ${name}`).join("\n")}`);
  };
  section("Applied", applied);
  section("Pending", pending);
  section("Failed", failed);
  section("In the database but not in prisma/migrations", missingLocally);
  if (failed.length) {
    console.log(
      "A failed migration blocks deploy. Repair the database by hand, then mark it rolled back: `prisma migrate resolve --rolled-back <name>`\n" +
        "(native engine) or `UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '<name>' AND finished_at IS NULL`.",
    );
  } else if (pending.length) {
    console.log("Run `npm run cli -- db deploy` to apply the pending migrations.");
  } else {
    console.log("Database is up to date.");
  }
  return pending.length || failed.length ? 1 : 0;
}

async function check(): Promise<number> {
  const drift = await checkSchemaDrift();
  if (drift.inSync) {
    console.log("Schema and migrations are in sync.");
    return 0;
  }
  console.log("prisma/schema.prisma differs from prisma/migrations. A new migration would contain:\n");
  console.log(drift.sql.trimEnd());
  console.log("\nCreate it with `npm run cli -- db migrate <name>`.");
  return 1;
}

async function migrate(name: string | undefined): Promise<number> {
  if (!name) throw new CliUsageError("db migrate needs a migration name, e.g. db migrate add_budgets.");
  const { directory } = await createMigration(name);
  if (!directory) {
    console.log("Schema and migrations are in sync: no migration created.");
    return 0;
  }
  console.log(`Created ${path.relative(process.cwd(), path.join(directory, "migration.sql"))}. Review it, then run \`npm run cli -- db deploy\`.`);
  return 0;
}

export const dbCommand: CliCommand = {
  name: "db",
  summary: "database migrations: apply, show status, check schema drift, create a migration",
  usage: "db <deploy|status|check|migrate <name>>",
  async run(args) {
    const [action, ...rest] = args;
    if (action !== "migrate" && rest.length) throw new CliUsageError(`db ${action ?? ""} takes no arguments.`);
    switch (action) {
      case "deploy":
        return deploy();
      case "status":
        return status();
      case "check":
        return check();
      case "migrate":
        if (rest.length > 1) throw new CliUsageError("Quote a migration name that contains spaces.");
        return migrate(rest[0]);
      default:
        throw new CliUsageError(`Unknown db action "${action ?? ""}".`);
    }
  },
};
