import { z } from "zod";
import { createConnection } from "../../services/connections/create-connection";
import { deleteConnection } from "../../services/connections/delete-connection";
import { listProviderOptions } from "../../services/provider-catalog/list-provider-options";
import { getConnection } from "../../services/connections/get-connection";
import { listConnections } from "../../services/connections/list-connections";
import { testCloudConnection } from "../../services/connections/test-cloud-connection";
import { updateConnection } from "../../services/connections/update-connection";
import { requestConnectionSync } from "../../services/sync/request-connection-sync";
import { idInput, nameInput } from "../input-schemas";
import { createTRPCRouter, orgProcedureWith } from "../trpc";

const providerIdInput = z.string().trim().min(1, "validation.required").max(64, "validation.tooLong");
const credentialsInput = z.record(z.string().max(64), z.string().max(10_000, "validation.tooLong"));
const endpointsInput = z.record(z.string().max(64), z.string().max(2_048, "validation.tooLong"));
const settingsInput = z.record(z.string(), z.unknown());
const intervalInput = z.number().int("connections.errors.interval").min(15, "connections.errors.interval").max(10_080, "connections.errors.interval");

export const connectionRouter = createTRPCRouter({
  /** Provider manifests for the connection forms (fields, endpoints with defaults), as plain JSON, in catalog order. */
  providers: orgProcedureWith("view_costs").query(({ ctx }) => listProviderOptions(ctx.db)),

  list: orgProcedureWith("view_costs").query(({ ctx }) => listConnections(ctx.db, ctx.org.id)),

  get: orgProcedureWith("view_costs")
    .input(z.object({ id: idInput }))
    .query(({ ctx, input }) => getConnection(ctx.db, ctx.org.id, input.id)),

  create: orgProcedureWith("manage_connections")
    .input(
      z.object({
        providerId: providerIdInput,
        name: nameInput,
        credentials: credentialsInput,
        endpoints: endpointsInput.optional(),
        settings: settingsInput.optional(),
        syncIntervalMinutes: intervalInput.optional(),
        autoSync: z.boolean().optional(),
      }),
    )
    .mutation(({ ctx, input }) => createConnection(ctx.db, ctx.identity, { ...input, organizationId: ctx.org.id, isDemo: ctx.org.isDemo, locale: ctx.locale })),

  update: orgProcedureWith("manage_connections")
    .input(
      z.object({
        id: idInput,
        name: nameInput.optional(),
        credentials: credentialsInput.optional(),
        endpoints: endpointsInput.optional(),
        settings: settingsInput.optional(),
        syncIntervalMinutes: intervalInput.optional(),
        autoSync: z.boolean().optional(),
      }),
    )
    .mutation(({ ctx, input }) => {
      const { id, ...changes } = input;
      return updateConnection(ctx.db, ctx.identity, { ...changes, connectionId: id, organizationId: ctx.org.id, isDemo: ctx.org.isDemo, locale: ctx.locale });
    }),

  delete: orgProcedureWith("manage_connections")
    .input(z.object({ id: idInput }))
    .mutation(({ ctx, input }) => deleteConnection(ctx.db, ctx.identity, { organizationId: ctx.org.id, isDemo: ctx.org.isDemo, connectionId: input.id })),

  /** Checks an unsaved form, or a saved connection with the fields the form changed, against the provider. */
  test: orgProcedureWith("manage_connections")
    .input(
      z.object({
        providerId: providerIdInput,
        connectionId: idInput.optional(),
        credentials: credentialsInput,
        endpoints: endpointsInput.optional(),
        settings: settingsInput.optional(),
      }),
    )
    .mutation(({ ctx, input }) => testCloudConnection(ctx.db, ctx.identity, { ...input, organizationId: ctx.org.id, isDemo: ctx.org.isDemo, locale: ctx.locale })),

  /** "Sync now": starts a run (or returns the one in progress); poll syncRun.get for its progress. */
  sync: orgProcedureWith("manage_connections")
    .input(z.object({ id: idInput }))
    .mutation(({ ctx, input }) => requestConnectionSync(ctx.db, ctx.identity, { organizationId: ctx.org.id, connectionId: input.id, trigger: "manual" })),
});
