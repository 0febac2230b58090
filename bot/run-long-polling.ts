/**
 * `npm run bot`: the bot with long polling, for development (no public URL needed). It publishes the command menu,
 * replaces a registered webhook, and stops cleanly on Ctrl+C.
 */
import { closeDatabase } from "../server/db";
import { resolveSyncMode } from "../server/env";
import { startEmbeddedAlerts } from "../server/notify/embedded/start-embedded-alerts";
import { waitForEmbeddedSyncs } from "../server/sync/embedded/in-flight-syncs";
import { registerBotCommands } from "./commands-menu";
import { createBot } from "./create-bot";
import { readTelegramConfig } from "./telegram-config";

const HOW_TO_ENABLE = `The Telegram bot is off: TELEGRAM_BOT_TOKEN is not set.
  1. Create a bot with @BotFather in Telegram (/newbot) and copy its token.
  2. Run it with the token in the environment: TELEGRAM_BOT_TOKEN=<token> npm run bot
In production, set TELEGRAM_WEBHOOK_SECRET as well and register the webhook instead: npm run cli -- telegram webhook.`;

async function main(): Promise<number> {
  const config = readTelegramConfig();
  if (!config) {
    console.error(HOW_TO_ENABLE);
    return 1;
  }
  const bot = createBot({ token: config.token, apiRoot: config.apiRoot });
  await bot.init();
  // /sync runs the sync in this process in the embedded mode: its outcome must reach the alerts here too.
  const alerts = resolveSyncMode() === "embedded" ? startEmbeddedAlerts() : null;
  await registerBotCommands(bot.api);

  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      console.log(`\n${signal}: stopping the bot…`);
      // stop() confirms the updates already handled, so the next start does not receive them again.
      void bot.stop();
    });
  }
  // start() removes a registered webhook first: Telegram delivers updates one way at a time.
  await bot.start({ onStart: (me) => console.log(`@${me.username} is polling for updates (Ctrl+C stops it).`) });
  // Syncs started with /sync finish (and their alerts go out) before the database closes under them.
  if (!(await waitForEmbeddedSyncs(120_000))) console.warn("A sync was still running after 2 minutes; it ends as interrupted and is closed on the next start.");
  await alerts?.idle();
  await closeDatabase();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
