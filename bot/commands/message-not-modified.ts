import { GrammyError } from "grammy";

/** Pressing the button of what is already shown: Telegram refuses the identical edit, and there is nothing to do. */
export function isMessageNotModified(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 400 && error.description.includes("message is not modified");
}
