import { TRPCError } from "@trpc/server";
import { t, type MessageKey, type MessageParams } from "../i18n";

type Code = ConstructorParameters<typeof TRPCError>[0]["code"];

/**
 * An expected failure with a user-facing message key. The tRPC error formatter translates it into the
 * caller's language, so every client (web, bot, CLI) shows the same clear text.
 */
export class AppError extends TRPCError {
  readonly messageKey: MessageKey;
  readonly params?: MessageParams;

  constructor(code: Code, messageKey: MessageKey, params?: MessageParams) {
    // English outside tRPC (CLI, jobs); the tRPC middleware re-translates it into the caller's language.
    super({ code, message: t("en", messageKey, params) });
    this.messageKey = messageKey;
    this.params = params;
  }
}
