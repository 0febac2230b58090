/**
 * The staging store of one sync run. A step writes what later steps need (billing lines, inventory, resource
 * drafts) under a key and returns only ids and counts, so Inngest's memoized step results stay tiny; a later step
 * reads the key back. Values must be JSON (the database store keeps JSON text) and are never mutated after `put`:
 * a reader may receive the very object that was written.
 */
export interface SyncArtifacts {
  put(key: string, value: unknown): Promise<void>;
  /** Throws when the key was never written (or the run's artifacts were already cleared). */
  get<T>(key: string): Promise<T>;
  /** Drops every artifact of the run (the run finished). */
  clear(): Promise<void>;
}

/** Artifact keys written by the phases; inventory adds one `inventory:<scope>` per fanned-out step. */
export const ARTIFACT_KEYS = {
  account: "account",
  billing: "billing",
  groups: "groups",
  vms: "vms",
  volumes: "volumes",
  fileStorage: "file-storage",
  otherServices: "other-services",
  unification: "unification",
  inventory: (scope: string) => `inventory:${scope}`,
} as const;

export class MissingArtifactError extends Error {
  constructor(key: string) {
    super(`sync artifact "${key}" is missing: the step that writes it has not run, or the run already finished`);
    this.name = "MissingArtifactError";
  }
}

/** Artifacts in this process only: the database-free runs (`inventory` CLI, previews, benchmarks). */
export function createMemoryArtifacts(): SyncArtifacts {
  const values = new Map<string, unknown>();
  return {
    async put(key, value) {
      values.set(key, value);
    },
    async get<T>(key: string) {
      if (!values.has(key)) throw new MissingArtifactError(key);
      return values.get(key) as T;
    },
    async clear() {
      values.clear();
    },
  };
}
