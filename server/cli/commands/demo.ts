import { closeDatabase, db } from "../../db";
import { reseedDemoOrganization } from "../../services/demo/reseed-demo-organization";
import { seedDemoOrganization } from "../../services/demo/seed-demo-organization";
import { CliUsageError, type CliCommand } from "../cli-command";

type Seeded = Awaited<ReturnType<typeof seedDemoOrganization>>;

function printSyncs(result: Seeded) {
  for (const connection of result.connections) {
    const sync = connection.firstSync;
    console.log(`  ${connection.name}: ${sync ? `first sync ${sync.status}${sync.error ? ` (${sync.error.message})` : ""}` : "already synced"}`);
  }
}

export const demoCommand: CliCommand = {
  name: "demo",
  summary: "create the demo organization behind \"Try the demo\" (idempotent), or wipe and rebuild it",
  usage: "demo seed | demo reseed",
  async run(args) {
    const action = args[0];
    if (action !== "seed" && action !== "reseed") throw new CliUsageError(`Unknown demo action "${action ?? ""}".`);
    try {
      const started = Date.now();
      if (action === "seed") {
        const result = await seedDemoOrganization(db);
        console.log(result.created ? "Demo organization created." : "Demo organization already exists.");
        printSyncs(result);
      } else {
        const result = await reseedDemoOrganization(db);
        console.log(`Demo organization rebuilt (${result.removedConnections} connection(s) removed).`);
        printSyncs(result);
      }
      console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      return 0;
    } finally {
      await closeDatabase();
    }
  },
};
