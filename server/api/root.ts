import { adminRouter } from "./routers/admin";
import { authRouter } from "./routers/auth";
import { connectionRouter } from "./routers/connection";
import { costExplorerRouter } from "./routers/cost-explorer";
import { dashboardRouter } from "./routers/dashboard";
import { impersonationRouter } from "./routers/impersonation";
import { invitationRouter } from "./routers/invitation";
import { organizationRouter } from "./routers/organization";
import { resourceRouter } from "./routers/resource";
import { syncRunRouter } from "./routers/sync-run";
import { telegramRouter } from "./routers/telegram";
import { userRouter } from "./routers/user";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  user: userRouter,
  organization: organizationRouter,
  invitation: invitationRouter,
  dashboard: dashboardRouter,
  costExplorer: costExplorerRouter,
  connection: connectionRouter,
  syncRun: syncRunRouter,
  resource: resourceRouter,
  admin: adminRouter,
  impersonation: impersonationRouter,
  telegram: telegramRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side caller (RSC, bot, CLI, tests): `createCaller(createTRPCContext({ headers, session }))`. */
export const createCaller = createCallerFactory(appRouter);
