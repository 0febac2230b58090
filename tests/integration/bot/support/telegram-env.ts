/** The variables the bot reads at run time (readTelegramConfig), plus NEXTAUTH_URL for alert buttons. */
const TELEGRAM_ENV = ["TELEGRAM_BOT_TOKEN", "TELEGRAM_WEBHOOK_SECRET", "TELEGRAM_BOT_USERNAME", "TELEGRAM_API_ROOT", "NEXTAUTH_URL"] as const;
export type TelegramEnv = Partial<Record<(typeof TELEGRAM_ENV)[number], string>>;

/** Sets exactly these variables (unlisted ones are removed) and returns how to put the previous values back. */
export function setTelegramEnv(values: TelegramEnv): () => void {
  const saved = Object.fromEntries(TELEGRAM_ENV.map((name) => [name, process.env[name]]));
  for (const name of TELEGRAM_ENV) {
    if (values[name] === undefined) delete process.env[name];
    else process.env[name] = values[name];
  }
  return () => {
    for (const name of TELEGRAM_ENV) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  };
}
