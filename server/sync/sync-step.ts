/**
 * The one thing the phases need from a durable runner: Inngest's `step.run(id, fn)`. A step's result must be
 * plain JSON, because Inngest memoizes it and hands the stored copy back when the function is replayed. Results
 * are small (ids, counts, phase records): bulk data goes through the run's staging store (artifacts/).
 */
export interface SyncStep {
  run<T>(id: string, fn: () => Promise<T>): Promise<T>;
  /**
   * The runner can run several steps at once (`Promise.all` over `step.run`, as Inngest and the in-process
   * runner do): inventory is then fanned out one step per project. A runner without it (a test's wrapper)
   * gets the same work inside the "vms" step.
   */
  readonly parallel?: boolean;
  /**
   * Whether a step that failed with `error` should throw, so that the runner retries it (Inngest, while
   * attempts remain). When absent or false the phase records the failure and the run carries on or ends.
   */
  shouldRetry?(error: unknown): boolean;
}

/**
 * The thin in-process runner used without an Inngest server: runs each step once, in order (or together when the
 * phases fan out), and passes its result through JSON exactly as Inngest's memoization would, so a step that
 * returns a Date or a Map fails here too. Step ids must be unique within a run (they are stable ids for Inngest).
 */
export function createInProcessStep(): SyncStep {
  const used = new Set<string>();
  return {
    parallel: true,
    async run<T>(id: string, fn: () => Promise<T>): Promise<T> {
      if (used.has(id)) throw new Error(`step id "${id}" used twice in one run`);
      used.add(id);
      let result: T | undefined = await fn();
      if (result === undefined) return undefined as T;
      const stored = JSON.stringify(result);
      // Only the stored copy is handed back: let the original be collected while it is parsed.
      result = undefined;
      return JSON.parse(stored) as T;
    },
  };
}
