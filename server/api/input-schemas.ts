import { z } from "zod";
import { LOCALES } from "../i18n";

// Messages are i18n keys: the tRPC error formatter translates them into the caller's language.
export const emailInput = z.string().trim().toLowerCase().pipe(z.email({ message: "validation.email" })).pipe(z.string().max(254, "validation.tooLong"));
export const nameInput = z.string().trim().min(1, "validation.required").max(120, "validation.tooLong");
export const passwordInput = z.string().min(1, "validation.required").max(256, "validation.tooLong");
export const localeInput = z.enum(LOCALES);
export const orgRoleInput = z.enum(["owner", "admin", "finance", "member", "viewer"]);
export const idInput = z.string().min(1).max(64);

export const timezoneInput = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, "validation.timezone");

export const currencyInput = z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "validation.currency");
