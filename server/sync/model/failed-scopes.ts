import type { SyncFailure } from "./unified-resource";

/**
 * Whether a resource lies in a scope that could not be read this run. Null on either side means "any", so a
 * failure without a region covers the whole project, and a resource without a known region is protected by any
 * failure of its project: when in doubt, earlier data is kept.
 */
export function inFailedScope(failures: SyncFailure[], projectId: string | null, region: string | null): boolean {
  return failures.some(
    (failure) =>
      (failure.projectId === null || projectId === null || failure.projectId === projectId) &&
      (failure.region === null || region === null || failure.region === region),
  );
}
