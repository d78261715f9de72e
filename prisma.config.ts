import { defineConfig } from "prisma/config";

// The app and its scripts connect through @prisma/adapter-pg and apply migrations with the
// WebAssembly schema engine (scripts/db-migrate.ts). The datasource here is only for the stock
// CLI, e.g. `prisma migrate deploy` on a server that can run Prisma's native engine.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
