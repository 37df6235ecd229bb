// npm run db:migrate -- deploy            apply pending migrations to DATABASE_URL
// npm run db:migrate -- dev --name <name> write a migration for the schema's changes, then apply it
import { createMigration, deployMigrations } from "../src/server/db/migrations";

try {
  process.loadEnvFile();
} catch {
  // no .env: the environment decides
}
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. Start the database with `npm run db` and use the URL it prints.");
  process.exit(2);
}
const [command, ...rest] = process.argv.slice(2);
if (command === "dev") {
  const name = rest[rest.indexOf("--name") + 1];
  if (!name || rest.indexOf("--name") < 0) {
    console.error("usage: npm run db:migrate -- dev --name <name>");
    process.exit(2);
  }
  const dir = await createMigration(url, name);
  console.log(dir ? `created ${dir}` : "no schema changes");
  console.log("applied:", (await deployMigrations(url)).join(", ") || "(none)");
} else if (command === "deploy") {
  console.log("applied:", (await deployMigrations(url)).join(", ") || "(none, up to date)");
} else {
  console.error("usage: npm run db:migrate -- deploy | dev --name <name>");
  process.exit(2);
}
process.exit(0);
