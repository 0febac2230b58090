"use client";

import { useEffect, useState } from "react";

/** Whole seconds since `since`, ticking once a second while `since` is set. */
export function useElapsedSeconds(since: Date | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!since) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [since]);
  return since ? Math.max(0, Math.floor((now - since.getTime()) / 1_000)) : 0;
}
