import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";
import { transformer } from "@/server/api/transformer";

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: (count, error) => count < 2 && !("data" in error && (error as { data?: { httpStatus?: number } }).data?.httpStatus === 401) },
      dehydrate: { serializeData: transformer.serialize, shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending" },
      hydrate: { deserializeData: transformer.deserialize },
    },
  });
}
