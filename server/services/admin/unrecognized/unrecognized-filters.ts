import { z } from "zod";

export const UNRECOGNIZED_STATUSES = ["open", "resolved"] as const;
/** The inferredType filter value for rows the sync could not even guess a type for. */
export const NO_INFERRED_TYPE = "__none__";

export const listUnrecognizedInput = z.object({
  providerId: z.string().trim().max(64).optional(),
  inferredType: z.string().trim().max(64).optional(),
  status: z.enum(UNRECOGNIZED_STATUSES).optional(),
  search: z.string().trim().max(200).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(5).max(100).default(20),
});
export type ListUnrecognizedInput = z.infer<typeof listUnrecognizedInput>;
