/**
 * The one thing the phases need from a durable runner: Inngest's `step.run(id, fn)`. A step's result must be
 * plain JSON, because Inngest memoizes it and hands the stored copy back when the function is replayed.
 */
export interface SyncStep {
  run<T>(id: string, fn: () => Promise<T>): Promise<T>;
}

/**
 * The thin in-process runner used without an Inngest server: runs each step once, in order, and passes its
 * result through JSON exactly as Inngest's memoization would, so a step that returns a Date or a Map fails here
 * too. Step ids must be unique within a run (they are stable ids for Inngest).
 */
export function createInProcessStep(): SyncStep {
  const used = new Set<string>();
  return {
    async run<T>(id: string, fn: () => Promise<T>): Promise<T> {
      if (used.has(id)) throw new Error(`step id "${id}" used twice in one run`);
      used.add(id);
      const result = await fn();
      return (result === undefined ? undefined : JSON.parse(JSON.stringify(result))) as T;
    },
  };
}
