/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM from its own package folder: it must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/schema-engine-wasm"],
  // A separate build folder lets a second build (tests, a dev server) run beside another.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // The build checks the app's own code; tests, benchmarks and scripts are
  // checked by `npm run typecheck`, so a slip there never blocks `npm start`.
  // NEXT_SKIP_TYPECHECK=1: only for the test build of `npm test`, whose typecheck
  // stage has checked the same code (and Next's route types) just before.
  typescript: { tsconfigPath: "tsconfig.build.json", ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1" },
  // Phoenix clients check this header on every response (kept in step with lib/api/handler.ts).
  // The security headers of lib/security-headers.ts on everything: pages get
  // their nonce'd CSP from proxy.ts; the API, assets and files, which never run
  // as a page, a policy that allows nothing and no framing.
  async headers() {
    const always = [
      { key: "x-phoenix-server-version", value: "20.3.0" },
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    ];
    const noPage = [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }];
    return [
      { source: "/:path*", headers: always },
      { source: "/v1/:path*", headers: noPage },
      { source: "/api/:path*", headers: noPage },
      { source: "/arize_phoenix_version", headers: noPage },
      { source: "/healthz", headers: noPage },
      { source: "/readyz", headers: noPage },
    ];
  },
  typedRoutes: false,
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: {
    authInterrupts: true,
    // Turbopack's build cache speeds up the next build of the same checkout;
    // NEXT_BUILD_CACHE=0 skips writing it where no build follows (CI's fresh clone).
    turbopackFileSystemCacheForBuild: process.env.NEXT_BUILD_CACHE !== "0",
  },
};

export default nextConfig;
