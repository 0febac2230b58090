import type { NextConfig } from "next";
import packageJson from "./package.json" with { type: "json" };

const nextConfig: NextConfig = {
  // PGlite must stay outside the bundle: bundled, it breaks at runtime (webpack) or its wasm/data files
  // get copied into public static media (Turbopack).
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/schema-engine-wasm", "pino", "hash-wasm"],
  env: { INFRAZEN_VERSION: packageJson.version },
  poweredByHeader: false,
  typedRoutes: false,
  async redirects() {
    return [
      { source: "/", destination: "/ru/dashboard", permanent: false },
      { source: "/login", destination: "/ru/login", permanent: false },
      { source: "/signup", destination: "/ru/signup", permanent: false },
    ];
  },
};

export default nextConfig;
