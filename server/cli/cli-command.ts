/** One top-level CLI command (`npm run cli -- <name> …`). Later features add files to commands/. */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** Returns the process exit code. Throw CliUsageError for bad arguments. */
  run(args: string[]): Promise<number>;
}

export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliUsageError";
  }
}
