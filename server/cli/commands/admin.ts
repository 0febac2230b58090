import { parseArgs } from "node:util";
import { closeDatabase, db } from "../../db";
import { bootstrapSuperAdmin } from "../../services/admin/bootstrap-super-admin";
import { CliUsageError, type CliCommand } from "../cli-command";

export const adminCommand: CliCommand = {
  name: "admin",
  summary: "create (or promote) the platform super admin",
  usage: "admin create --email <email> --password <password> [--name <name>]",
  async run(args) {
    const [action, ...rest] = args;
    if (action !== "create") throw new CliUsageError(`Unknown admin action "${action ?? ""}".`);
    const { values } = parseArgs({ args: rest, options: { email: { type: "string" }, password: { type: "string" }, name: { type: "string" } } });
    const email = values.email ?? process.env.SUPER_ADMIN_EMAIL;
    const password = values.password ?? process.env.SUPER_ADMIN_PASSWORD;
    if (!email || !password) throw new CliUsageError("--email and --password are required (or SUPER_ADMIN_EMAIL / SUPER_ADMIN_PASSWORD).");
    try {
      const result = await bootstrapSuperAdmin(db, { email, password, name: values.name });
      console.log(result.created ? `Super admin ${email} created.` : `${email} is now a super admin; password reset.`);
      return 0;
    } finally {
      await closeDatabase();
    }
  },
};
