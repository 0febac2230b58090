"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback } from "react";

/**
 * Writes query changes with the History API: Next keeps useSearchParams in sync, and the server component is not
 * re-rendered, because the client component fetches the new view itself. A reload renders the same URL on the server.
 */
export function useUrlState() {
  const params = useSearchParams();
  const pathname = usePathname();
  const update = useCallback(
    (changes: Record<string, string | string[]>, mode: "push" | "replace" = "push") => {
      const next = new URLSearchParams(params.toString());
      for (const [key, value] of Object.entries(changes)) {
        next.delete(key);
        for (const item of Array.isArray(value) ? value : [value]) if (item) next.append(key, item);
      }
      const query = next.toString();
      const url = query ? `${pathname}?${query}` : pathname;
      if (mode === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    },
    [params, pathname],
  );
  return { params, update };
}
