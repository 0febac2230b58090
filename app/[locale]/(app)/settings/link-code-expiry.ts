"use client";

import { useEffect, useState } from "react";

/**
 * True once the code's expiry has passed; re-renders at that moment so the code is not offered after it.
 * Key the component by the code: a new code starts unexpired.
 */
export function useExpired(expiresAt: Date): boolean {
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setExpired(true), Math.max(0, new Date(expiresAt).getTime() - Date.now()));
    return () => clearTimeout(timer);
  }, [expiresAt]);
  return expired;
}
