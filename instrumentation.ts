/**
 * Next's server start hook. In the embedded sync mode (no Inngest configured) it starts the in-process timer that
 * runs scheduled syncs and, when the Telegram bot is configured, the listeners that turn sync outcomes into alerts
 * plus the weekly digest timer — once per server process, only in the Node.js runtime, never during `next build`.
 * The CLI does not load this file, so commands never start them.
 */
export async function register() {
  // Written as Next documents it, so the edge bundle drops the Node-only imports.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    if (process.env.NEXT_PHASE === "phase-production-build") return;
    const { env } = await import("./server/env");
    let settings: { syncSchedulerEnabled: boolean; syncMode: string } | null = null;
    try {
      settings = env();
    } catch (error) {
      console.error("Sync scheduler and Telegram alerts not started:", error instanceof Error ? error.message : error);
    }
    if (settings?.syncSchedulerEnabled) {
      const { startEmbeddedScheduler } = await import("./server/sync/embedded/embedded-scheduler");
      startEmbeddedScheduler();
    }
    // Syncs started by hand run in this process too, so alerts listen even with the schedule turned off.
    if (settings?.syncMode === "embedded") {
      const { readTelegramConfig } = await import("./bot/telegram-config");
      if (readTelegramConfig()) {
        const { startEmbeddedAlerts } = await import("./server/notify/embedded/start-embedded-alerts");
        startEmbeddedAlerts();
      }
    }
  }
}
