import { z } from "zod";

export const USER_STATUSES = ["active", "disabled"] as const;
export const PLATFORM_ROLES = ["user", "admin", "super_admin"] as const;

export const listUsersInput = z.object({
  search: z.string().trim().max(200).optional(),
  role: z.enum(PLATFORM_ROLES).optional(),
  status: z.enum(USER_STATUSES).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(5).max(100).default(20),
});
export type ListUsersInput = z.infer<typeof listUsersInput>;
