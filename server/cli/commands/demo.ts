import { closeDatabase, db } from "../../db";
import { seedDemoOrganization } from "../../services/demo/seed-demo-organization";
import { CliUsageError, type CliCommand } from "../cli-command";

export const demoCommand: CliCommand = {
  name: "demo",
  summary: "create the demo organization behind \"Try the demo\" (idempotent)",
  usage: "demo seed",
  async run(args) {
    if (args[0] !== "seed") throw new CliUsageError(`Unknown demo action "${args[0] ?? ""}".`);
    try {
      const result = await seedDemoOrganization(db);
      console.log(result.created ? "Demo organization created." : "Demo organization already exists.");
      return 0;
    } finally {
      await closeDatabase();
    }
  },
};
