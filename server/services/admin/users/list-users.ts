import type { Prisma, PrismaClient } from "../../../db";
import type { ListUsersInput } from "./user-filters";

/** One page of users for the admin table: search by email or name, filter by platform role and status. */
export async function listUsers(db: PrismaClient, input: ListUsersInput) {
  const where: Prisma.UserWhereInput = {
    ...(input.search ? { OR: [{ email: { contains: input.search, mode: "insensitive" } }, { name: { contains: input.search, mode: "insensitive" } }] } : {}),
    ...(input.role ? { platformRole: input.role } : {}),
    ...(input.status === "disabled" ? { disabledAt: { not: null } } : input.status === "active" ? { disabledAt: null } : {}),
  };
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      include: { memberships: { include: { organization: { select: { id: true, name: true } } } }, accounts: { select: { provider: true } } },
    }),
  ]);
  return {
    total,
    page: input.page,
    pageSize: input.pageSize,
    users: users.map((user) => ({
      id: user.id,
      email: user.email,
      name: user.name,
      platformRole: user.platformRole,
      permissions: user.permissions,
      disabled: Boolean(user.disabledAt),
      isDemo: user.isDemo,
      createdAt: user.createdAt,
      lastLoginAt: user.lastLoginAt,
      loginMethods: [...(user.passwordHash ? ["password"] : []), ...user.accounts.map((account) => account.provider)],
      organizations: user.memberships.map((membership) => ({ id: membership.organization.id, name: membership.organization.name, role: membership.role })),
    })),
  };
}
