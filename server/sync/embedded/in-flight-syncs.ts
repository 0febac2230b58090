/** The embedded syncs this process is running, so a process that stops (npm run bot, the CLI) can let them finish. */
const inFlight = new Set<Promise<void>>();

export function trackEmbeddedSync(done: Promise<void>): Promise<void> {
  inFlight.add(done);
  void done.finally(() => inFlight.delete(done));
  return done;
}

/** Resolves when every sync running now has ended, or after `timeoutMs`; true when they all ended. */
export async function waitForEmbeddedSyncs(timeoutMs: number): Promise<boolean> {
  if (inFlight.size === 0) return true;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const all = Promise.all([...inFlight]).then(() => true as const);
  try {
    return await Promise.race([all, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
