/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM from its own package folder: it must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/schema-engine-wasm"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
