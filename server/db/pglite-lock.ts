import fs from "node:fs";
import path from "node:path";

/**
 * PGlite has no lock of its own and two processes on one data directory corrupt it silently,
 * so every opener takes `<dataDir>.lock` (holding its pid) and a second opener fails clearly.
 */
export class DatabaseLockedError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The embedded database ${dataDir} is in use by another InfraZen process (pid ${pid}). ` +
        "Stop that process (for example the running server) or set DATABASE_URL to a PostgreSQL database.",
    );
    this.name = "DatabaseLockedError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function acquirePgliteLock(dataDir: string): () => void {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const lockPath = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockPath, "utf8") === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(fs.readFileSync(lockPath, "utf8"));
      if (holder === process.pid) throw new Error(`This process already holds ${lockPath}; reuse its database client.`);
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) throw new DatabaseLockedError(dataDir, holder);
      fs.rmSync(lockPath, { force: true }); // stale lock left by a crashed process
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}
