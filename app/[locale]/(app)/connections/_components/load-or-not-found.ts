import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";

/** Another organization's id, a malformed one or a deleted row: all the same 404 page. */
export async function loadOrNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}
