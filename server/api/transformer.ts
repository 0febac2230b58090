import superjson from "superjson";

// Prisma returns money as Decimal; it crosses the wire as an exact decimal string (never a float),
// and the client formats it. Detected structurally so the browser bundle needs no decimal library.
function isDecimal(value: unknown): value is { toFixed(): string } {
  return typeof value === "object" && value !== null && typeof (value as { toFixed?: unknown }).toFixed === "function" && "d" in value && "e" in value && "s" in value;
}

superjson.registerCustom<{ toFixed(): string }, string>(
  { isApplicable: isDecimal, serialize: (value) => value.toFixed(), deserialize: (value) => value as unknown as { toFixed(): string } },
  "decimal",
);

export const transformer = superjson;
