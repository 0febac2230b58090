import { CliUsageError, type CliCommand } from "./cli-command";
import { adminCommand } from "./commands/admin";
import { dbCommand } from "./commands/db";
import { demoCommand } from "./commands/demo";
import { inventoryCommand } from "./commands/inventory";
import { sandboxCommand } from "./commands/sandbox";
import { setupCommand } from "./commands/setup";
import { syncCommand } from "./commands/sync";
import { telegramCommand } from "./commands/telegram";

const commands: CliCommand[] = [setupCommand, dbCommand, adminCommand, demoCommand, sandboxCommand, inventoryCommand, syncCommand, telegramCommand];

function printHelp() {
  console.log("Usage: npm run cli -- <command> [options]\n");
  for (const command of commands) console.log(`  ${command.usage.padEnd(58)} ${command.summary}`);
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help") {
    printHelp();
    return name ? 0 : 2;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    console.error(`Unknown command "${name}".`);
    printHelp();
    return 2;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof CliUsageError) {
      console.error(`${error.message}\nUsage: npm run cli -- ${command.usage}`);
      return 2;
    }
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

// The wasm migration engine and PGlite keep timers alive: exit explicitly once the command is done.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
