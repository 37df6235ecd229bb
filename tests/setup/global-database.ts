// One Postgres per test run: the embedded one (or TEST_DATABASE_URL), migrated once into a template
// database that every test worker clones into a database of its own. With TEST_CLUSTER=1,
// TEST_DATABASE_URL is a Citus coordinator's database (`npm run cluster:up` prints it): a distributed
// database is not cloned from a template, so the suite runs in it, one file at a time, after the
// migrations and the distribution step.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../src/server/db/embedded-postgres";
import { deployMigrations } from "../../src/server/db/migrations";
import { distribute } from "../../src/server/db/distribution";

export const TEMPLATE = "tajer_template";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    cluster: boolean;
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
  if (process.env.TEST_CLUSTER === "1") {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error("TEST_CLUSTER=1 needs TEST_DATABASE_URL: the coordinator's database that `npm run cluster:up` prints.");
    assertLocal(url);
    await deployMigrations(url);
    for (const line of await distribute(url)) if (line.includes("REFUSED")) throw new Error(`The cluster refused a table: ${line}`);
    project.provide("adminDatabaseUrl", url);
    project.provide("cluster", true);
    return;
  }
  project.provide("cluster", false);
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
