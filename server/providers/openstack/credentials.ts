import { z } from "zod";
import type { ProviderContext } from "../contract";

export const openstackCredentialsSchema = z
  .object({
    authUrl: z.url({ protocol: /^https?$/ }),
    username: z.string().trim().min(1),
    password: z.string().min(1),
    userDomain: z.string().trim().min(1).default("Default"),
    projectName: z.string().trim().optional(),
    projectId: z.string().trim().optional(),
    projectDomain: z.string().trim().min(1).default("Default"),
  })
  .refine((credentials) => Boolean(credentials.projectId || credentials.projectName), {
    message: "projectName or projectId is required",
    path: ["projectName"],
  });

export type OpenStackCredentials = z.output<typeof openstackCredentialsSchema>;

/** createProviderContext has already validated the credentials against the schema above. */
export function credentialsOf(ctx: ProviderContext): OpenStackCredentials {
  return ctx.credentials as OpenStackCredentials;
}
