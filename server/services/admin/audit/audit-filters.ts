import { z } from "zod";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date");

export const auditFiltersInput = z.object({
  actor: z.string().trim().max(200).optional(),
  impersonator: z.string().trim().max(200).optional(),
  action: z.string().trim().max(200).optional(),
  organizationId: z.string().max(64).optional(),
  from: day.optional(),
  to: day.optional(),
  /** Only rows written while someone was acting as another user. */
  impersonatedOnly: z.boolean().optional(),
});
export type AuditFilters = z.infer<typeof auditFiltersInput>;

export const listAuditInput = auditFiltersInput.extend({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(10).max(200).default(50),
});
