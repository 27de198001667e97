/** @type {import('next').NextConfig} */
const nextConfig = {
  // Compression would buffer the Server-Sent Events stream; a reverse proxy can compress other responses.
  compress: false,
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3", "@prisma/client", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "graphile-worker"],
  typedRoutes: false,
};

export default nextConfig;
