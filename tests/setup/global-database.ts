// One Postgres per test run: the embedded one (or TEST_DATABASE_URL), migrated once into a template
// database that every test worker clones into a database of its own.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../src/server/db/embedded-postgres";
import { deployMigrations } from "../../src/server/db/migrations";

export const TEMPLATE = "tajer_template";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

/** Tests drop and create databases: never against anything but this machine. */
function assertLocal(url: string) {
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host) && process.env.TAJER_ALLOW_REMOTE_TEST_DB !== "1") {
    throw new Error(`Refusing to run tests against the non-local database host "${host}".`);
  }
}

let embedded: EmbeddedPostgres | null = null;

export async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tajer-test-"));
    fs.chmodSync(dir, 0o755);
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: 54400 + (process.pid % 500), ephemeral: true });
    adminUrl = embedded.url("postgres");
  }
  assertLocal(adminUrl);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const databases = await admin.query<{ datname: string }>("select datname from pg_database where datname = $1 or datname like 'tajer_test_%'", [TEMPLATE]);
  for (const { datname } of databases.rows) await admin.query(`drop database "${datname}" with (force)`);
  await admin.query(`create database "${TEMPLATE}"`);
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE}`;
  await deployMigrations(templateUrl.toString());
  await admin.end();
  project.provide("adminDatabaseUrl", adminUrl);
}

export async function teardown() {
  await embedded?.stop();
}
