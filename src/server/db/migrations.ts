// Applies and creates Prisma migrations with Prisma's WASM schema engine over node-postgres, so no
// schema-engine binary is needed. It writes the standard prisma/migrations/<ts>_<name>/migration.sql
// folders and the _prisma_migrations table: `prisma migrate deploy` can take over wherever the binary
// is available.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as engineModule from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList } from "@prisma/schema-engine-wasm/schema_engine_bg";

const require = createRequire(import.meta.url);
const projectRoot = path.resolve(import.meta.dirname, "../../..");
const schemaPath = path.join(projectRoot, "prisma/schema.prisma");
const migrationsDir = path.join(projectRoot, "prisma/migrations");
const filters = { externalTables: [], externalEnums: [] };

let wasmReady = false;
function loadWasm() {
  if (wasmReady) return;
  // The engine reports a panic's message here before it throws.
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
    set_message(message: string) {
      console.error(`[schema-engine] panic: ${message}`);
    },
  };
  const wasmFile = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
  const instance = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(wasmFile)), {
    "./schema_engine_bg.js": engineModule as unknown as WebAssembly.ModuleImports,
  });
  engineModule.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as (() => void) | undefined)?.();

  // The schema describer reads pg_catalog "char" columns (OID 18), which the adapter cannot decode;
  // they are plain one-letter codes, so read them as text (OID 25).
  const pgResultPath = require.resolve("pg/lib/result.js", { paths: [path.dirname(require.resolve("@prisma/adapter-pg"))] });
  const PgResult = require(pgResultPath) as { prototype: { addFields(d: unknown): void; fields: { dataTypeID: number }[] } };
  const addFields = PgResult.prototype.addFields;
  PgResult.prototype.addFields = function (descriptions: unknown) {
    addFields.call(this, descriptions);
    for (const field of this.fields) if (field.dataTypeID === 18) field.dataTypeID = 25;
  };
  wasmReady = true;
}

/**
 * The adapter runs a migration script by splitting it on every ";", which cuts through function bodies
 * and quoted strings. Postgres takes a whole multi-statement script in one simple query: send it so.
 */
function sendScriptsWhole(adapter: object) {
  const withClient = adapter as { client: { query(sql: string): Promise<unknown> }; executeScript(script: string): Promise<void> };
  withClient.executeScript = async (script: string) => {
    await withClient.client.query(script);
  };
}

function connectionFields(url: string): pg.ClientConfig & { database: string } {
  // Discrete fields, not a connection string: the adapter derives the shadow database by overriding
  // `database`, which a connection string would silently win over.
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password) || undefined,
    database: decodeURIComponent(u.pathname.slice(1)),
  };
}

function readMigrations(): MigrationList {
  fs.mkdirSync(migrationsDir, { recursive: true });
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const dirs = fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((dir) => {
      const file = path.join(migrationsDir, dir, "migration.sql");
      return {
        path: dir,
        migrationFile: {
          path: "migration.sql",
          content: fs.existsSync(file) ? { tag: "ok", value: fs.readFileSync(file, "utf8") } : { tag: "error", value: "missing" },
        },
      };
    }),
  } as MigrationList;
}

async function withEngine<T>(url: string, run: (engine: engineModule.SchemaEngine) => Promise<T>): Promise<T> {
  loadWasm();
  const config = connectionFields(url);
  const base = new PrismaPg(config);
  const opened: { dispose(): Promise<void> }[] = [];
  const factory = bindMigrationAwareSqlAdapterFactory({
    adapterName: base.adapterName,
    provider: base.provider,
    async connect() {
      const adapter = await base.connect();
      sendScriptsWhole(adapter);
      opened.push(adapter);
      return adapter;
    },
    // The stock shadow factory drops the database before closing its pool; close first, then drop.
    async connectToShadowDb() {
      const name = `prisma_migrate_shadow_db_${randomUUID().replace(/-/g, "")}`;
      const admin = new pg.Client(config);
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      const adapter = await new PrismaPg({ ...config, database: name }).connect();
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end();
      };
      return adapter;
    },
  });
  const schema = fs.readFileSync(schemaPath, "utf8");
  const engine = await engineModule.SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    (message: string) => {
      if (process.env.DEBUG_SCHEMA_ENGINE) console.error("[schema-engine]", message);
    },
    factory,
  );
  try {
    return await run(engine);
  } finally {
    // Leave no connection behind: a template database cannot be cloned while anyone is connected.
    engine.free();
    await Promise.all(opened.map((adapter) => adapter.dispose().catch(() => {})));
  }
}

/** Applies every pending migration; returns the names applied. */
export async function deployMigrations(url: string): Promise<string[]> {
  return withEngine(url, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: readMigrations(), filters });
    return out.appliedMigrationNames;
  });
}

/**
 * Writes a new migration folder with the SQL that takes the schema of the latest migration to the
 * current prisma/schema.prisma; returns null when nothing changed.
 *
 * It diffs two datamodels, with no database: each migration folder keeps the schema it was made from
 * (schema.prisma beside migration.sql). Diffing against a shadow database is what `prisma migrate dev`
 * does, but the schema describer of this engine build cannot read Postgres 18's catalog (its NOT NULL
 * constraints), so a database-free diff is both simpler and the one that works.
 */
export async function createMigration(url: string, name: string): Promise<string | null> {
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  if (!fs.existsSync(lockPath)) {
    fs.mkdirSync(migrationsDir, { recursive: true });
    fs.writeFileSync(
      lockPath,
      `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n`,
    );
  }
  const latest = readMigrations().migrationDirectories.at(-1)?.path;
  const snapshotPath = latest ? path.join(migrationsDir, latest, "schema.prisma") : null;
  if (snapshotPath && !fs.existsSync(snapshotPath)) throw new Error(`${snapshotPath} is missing: the latest migration has no schema snapshot to diff from.`);
  const schema = fs.readFileSync(schemaPath, "utf8");
  // The engine connects when it starts; the diff itself reads no database.
  const script = await withEngine(url, async (engine) => {
    const from = snapshotPath
      ? { tag: "schemaDatamodel" as const, files: [{ path: snapshotPath, content: fs.readFileSync(snapshotPath, "utf8") }] }
      : { tag: "empty" as const };
    const out = (await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters,
    } as Parameters<typeof engine.diff>[0])) as unknown;
    if (typeof out === "string") return out;
    const o = out as { stdout?: string; script?: string };
    return o.stdout ?? o.script ?? "";
  });
  if (!script.trim() || script.trim().startsWith("-- This is an empty migration")) return null;
  const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), script);
  fs.writeFileSync(path.join(dir, "schema.prisma"), schema);
  return dir;
}
