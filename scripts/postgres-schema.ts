// `npm run db:postgres-schema`: rewrites prisma/postgres/schema.prisma from prisma/schema.prisma.
// After a model change: run this, then create the migration for each provider (see docs/architecture.md).
import fs from "node:fs";
import path from "node:path";
import { derivePostgresSchema } from "@/lib/db/postgres/derive-schema";

const root = path.resolve(import.meta.dirname, "..");
const source = fs.readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8");
const target = path.join(root, "prisma", "postgres", "schema.prisma");
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, derivePostgresSchema(source));
process.stdout.write(`wrote ${path.relative(root, target)}\n`);
