import { z } from "zod";
import type { ProviderContext } from "../contract";

/** Form inputs arrive as "" when left blank; blank means "not given". */
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined);

const optionalSecret = z
  .string()
  .optional()
  .transform((value) => value || undefined);

/**
 * Either the static API key (billing, balance, resell tokens for inventory) or a service user of the account
 * (Keystone user whose domain is the account number). With both, the key serves api.selectel.ru and the
 * service user scopes to projects directly.
 */
export const selectelCredentialsSchema = z
  .object({
    apiKey: optionalSecret,
    accountId: optionalText.refine((value) => value === undefined || /^\d+$/.test(value), "The account number is digits only, e.g. 123456"),
    serviceUserName: optionalText,
    serviceUserPassword: optionalSecret,
  })
  .refine((credentials) => credentials.apiKey || credentials.serviceUserName || credentials.serviceUserPassword, {
    message: "Enter the API key, or the account number with a service user name and password",
  })
  .refine((credentials) => (!credentials.serviceUserName && !credentials.serviceUserPassword) || (credentials.accountId && credentials.serviceUserName && credentials.serviceUserPassword), {
    message: "A service user needs all three: account number, user name and password",
    path: ["serviceUserPassword"],
  });

export type SelectelCredentials = z.infer<typeof selectelCredentialsSchema>;

export type SelectelContext = ProviderContext<SelectelCredentials>;

export interface SelectelServiceUser {
  accountId: string;
  name: string;
  password: string;
}

export function serviceUserOf(credentials: SelectelCredentials): SelectelServiceUser | null {
  const { accountId, serviceUserName, serviceUserPassword } = credentials;
  return accountId && serviceUserName && serviceUserPassword ? { accountId, name: serviceUserName, password: serviceUserPassword } : null;
}
