import type { ResourceDraft } from "../model/unified-resource";
import type { BillingGroups } from "./02-group-by-type";
import { billedServiceResource } from "./billed-service-resource";

/** Phase 5: every file share billed now becomes a file_storage resource. */
export function fileStorageResources(groups: BillingGroups, projectNames: Record<string, string>): ResourceDraft[] {
  return groups.objects.filter((object) => object.type === "file_storage" && object.current).map((object) => billedServiceResource(object, groups, projectNames));
}
