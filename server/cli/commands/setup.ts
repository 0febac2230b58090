import { closeDatabase, getDatabase } from "../../db";
import { env } from "../../env";
import { prepareDatabase } from "../../services/system/prepare-database";
import type { CliCommand } from "../cli-command";

export const setupCommand: CliCommand = {
  name: "setup",
  summary: "migrate, seed the demo and bootstrap the super admin from env (run by npm start)",
  usage: "setup",
  async run() {
    try {
      await prepareDatabase(() => getDatabase().client, env(), (line) => console.log(line));
      return 0;
    } finally {
      await closeDatabase();
    }
  },
};
