/**
 * Next's server start hook. In the embedded sync mode (no Inngest configured) it starts the in-process timer that
 * runs scheduled syncs — once per server process, only in the Node.js runtime, never during `next build`. The CLI
 * does not load this file, so commands never start it.
 */
export async function register() {
  // Written as Next documents it, so the edge bundle drops the Node-only imports.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    if (process.env.NEXT_PHASE === "phase-production-build") return;
    const { env } = await import("./server/env");
    let enabled = false;
    try {
      enabled = env().syncSchedulerEnabled;
    } catch (error) {
      console.error("Sync scheduler not started:", error instanceof Error ? error.message : error);
    }
    if (enabled) {
      const { startEmbeddedScheduler } = await import("./server/sync/embedded/embedded-scheduler");
      startEmbeddedScheduler();
    }
  }
}
