// The database made ready for the app, in a process of its own that then ends: today's migrations, then the demo
// stores on a first start (unless TAJER_SEED=false). Run by scripts/start.ts, so that the start wrapper, which
// stays up as long as the app does, never holds the migration engine or the ORM in its memory.
import { deployMigrations } from "../src/server/db/migrations";

const log = (...parts: unknown[]) => console.log("[tajer]", ...parts);
const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is not set");
const applied = await deployMigrations(url);
log(applied.length ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");
if (process.env.TAJER_SEED !== "false") {
  const { db } = await import("../src/server/db/client");
  const { seedDemo } = await import("../src/server/seed/seed-demo");
  if (await seedDemo(db)) log("seeded the demo stores");
  await db.$disconnect();
}
process.exit(0);
