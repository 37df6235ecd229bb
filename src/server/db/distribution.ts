// Where each table lives on a Citus cluster: the store's own tables sharded by "storeId" and co-located (a
// store's orders, items, events and shipments on one worker, so its reads and writes are single-shard),
// the tables every store's rows refer to copied to every node (reference tables), and the installation's
// own tables left on the coordinator. Applied after the migrations on the coordinator; idempotent: a table
// already placed is left as it is, except one sharded that is now a reference table, which is converted. What
// Citus refuses is reported, table by table, not hidden.
import pg from "pg";

/**
 * Copied to every node: what tenant rows point at, and who belongs to which store. Memberships are read by
 * user on every dashboard page, server action and store route (the membership in the store of the URL, the
 * user's stores for the switcher): sharded by store, each of those reads asked every shard. They change
 * only when a team does.
 */
export const REFERENCE_TABLES = ["stores", "users", "memberships"] as const;

/**
 * Kept on the coordinator, in Citus's metadata so a transaction may write them beside distributed tables:
 * the job queue (written in the transaction of the change that made a job; the workers poll one node, not
 * every shard).
 */
export const COORDINATOR_TABLES = ["jobs"] as const;

type Placement = { table: string; kind: "distributed by storeId" | "reference" | "on the coordinator" | "local (not placed)" };

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The tables with a "storeId" column, parents before children (by their foreign keys among themselves). */
async function tenantTablesInOrder(client: pg.Client): Promise<string[]> {
  const tables = (
    await client.query<{ name: string }>(
      `
      SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND NOT c.relname = ANY($1)
        AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'storeId' AND NOT a.attisdropped)
      ORDER BY c.relname`,
      [REFERENCE_TABLES],
    )
  ).rows.map((r) => r.name);
  const edges = (
    await client.query<{ child: string; parent: string }>(`
      SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
      FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid <> c.confrelid`)
  ).rows.filter((e) => tables.includes(e.child) && tables.includes(e.parent));
  const ordered: string[] = [];
  const visit = (t: string, path: string[] = []) => {
    if (ordered.includes(t) || path.includes(t)) return;
    for (const e of edges.filter((x) => x.child === t)) visit(e.parent, [...path, t]);
    ordered.push(t);
  };
  tables.forEach((t) => visit(t));
  return ordered;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Citus's refusal in full: its message and the detail that names the constraint or trigger. */
function refusal(error: unknown): string {
  const e = error as { message: string; detail?: string; hint?: string };
  return [e.message, e.detail, e.hint].filter(Boolean).join(" — ");
}

/** The tables Citus has placed, each with whether it is a reference table. */
async function placed(client: pg.Client): Promise<Map<string, { reference: boolean }>> {
  const rows = (
    await client.query<{ name: string; reference: boolean }>(`SELECT logicalrelid::regclass::text AS name, repmodel = 't' AS reference FROM pg_dist_partition`)
  ).rows;
  return new Map(rows.map((r) => [r.name, { reference: r.reference }]));
}

/**
 * Prisma reads an enum column as text (`"status"::text`) and writes one from text (`CAST($1::text AS "Status")`),
 * in RETURNING and in an upsert's DO UPDATE SET too, and Citus refuses a function that is not IMMUTABLE there
 * in a distributed write. PostgreSQL's conversions between an enum and text are STABLE, since a label can be
 * renamed. Each enum gets explicit casts both ways through IMMUTABLE functions (a label is renamed only by a
 * migration here), so Prisma's writes plan on the cluster. New enums get theirs at the next run; answers the
 * enums given casts now.
 */
async function castEnumsToText(client: pg.Client): Promise<string[]> {
  const enums = (
    await client.query<{ name: string }>(`
      SELECT t.typname AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' AND t.typtype = 'e'
        AND NOT (EXISTS (SELECT 1 FROM pg_cast c WHERE c.castsource = t.oid AND c.casttarget = 'text'::regtype)
          AND EXISTS (SELECT 1 FROM pg_cast c WHERE c.castsource = 'text'::regtype AND c.casttarget = t.oid))
      ORDER BY 1`)
  ).rows.map((r) => r.name);
  for (const name of enums) {
    const type = quote(name);
    // Neither body uses the cast it defines: the label is read with textin(enum_out(…)), and a text is found
    // among the type's labels.
    await client.query(
      `CREATE OR REPLACE FUNCTION tajer_enum_text(${type}) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS 'SELECT textin(enum_out($1))'`,
    );
    await client.query(`DROP CAST IF EXISTS (${type} AS text)`);
    await client.query(`CREATE CAST (${type} AS text) WITH FUNCTION tajer_enum_text(${type})`);
    const from = quote(`tajer_text_to_${name}`);
    await client.query(`
      CREATE OR REPLACE FUNCTION ${from}(label text) RETURNS ${type} LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
      DECLARE found ${type};
      BEGIN
        SELECT e INTO found FROM unnest(enum_range(NULL::${type})) AS e WHERE tajer_enum_text(e) = label;
        IF found IS NULL THEN
          RAISE EXCEPTION 'invalid input value for enum %: "%"', ${`'${name.replace(/'/g, "''")}'`}, label USING ERRCODE = 'invalid_text_representation';
        END IF;
        RETURN found;
      END $fn$`);
    await client.query(`DROP CAST IF EXISTS (text AS ${type})`);
    await client.query(`CREATE CAST (text AS ${type}) WITH FUNCTION ${from}(text)`);
  }
  return enums;
}

/**
 * A table an earlier version of this step sharded, made a reference table: Citus undoes a sharded table only
 * without its foreign keys, so they are dropped first and put back once it is placed.
 */
async function shardedToReference(client: pg.Client, table: string) {
  const keys = (
    await client.query<{ name: string; definition: string }>(
      `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE contype = 'f' AND conrelid = $1::regclass`,
      [table],
    )
  ).rows;
  for (const k of keys) await client.query(`ALTER TABLE ${quote(table)} DROP CONSTRAINT ${quote(k.name)}`);
  await client.query(`SELECT undistribute_table($1)`, [table]);
  await client.query(`SELECT create_reference_table($1)`, [table]);
  for (const k of keys) await client.query(`ALTER TABLE ${quote(table)} ADD CONSTRAINT ${quote(k.name)} ${k.definition}`);
}

/** Places every table; answers a line per table placed or refused. */
export async function distribute(url: string): Promise<string[]> {
  return withClient(url, async (client) => {
    const report: string[] = [];
    const enums = await castEnumsToText(client);
    if (enums.length) report.push(`enums read as text by an immutable cast: ${enums.join(", ")}`);
    // The shards keep the tables' triggers (rollups in the same transaction, the append-only events): each
    // touches only rows of the same store, which live on the same worker as the row that fired it.
    await client.query(`SET citus.enable_unsafe_triggers = on`);
    // Shards per distributed table, fixed when a table is first placed: CLUSTER_SHARDS, else Citus's 32.
    const shards = Number(process.env.CLUSTER_SHARDS ?? 32);
    if (!Number.isInteger(shards) || shards < 1 || shards > 1024)
      throw new Error(`CLUSTER_SHARDS must be a whole number from 1 to 1024, not ${process.env.CLUSTER_SHARDS}`);
    await client.query(`SET citus.shard_count = ${shards}`);
    const done = await placed(client);
    for (const table of REFERENCE_TABLES) {
      if (done.get(table)?.reference) continue;
      try {
        if (done.has(table)) await shardedToReference(client, table);
        else await client.query(`SELECT create_reference_table($1)`, [table]);
        report.push(`${table}: reference table`);
      } catch (error) {
        report.push(`${table}: REFUSED as a reference table: ${refusal(error)}`);
      }
    }
    for (const table of COORDINATOR_TABLES) {
      if (done.has(table)) continue;
      try {
        await client.query(`SELECT citus_add_local_table_to_metadata($1)`, [table]);
        report.push(`${table}: on the coordinator`);
      } catch (error) {
        report.push(`${table}: REFUSED on the coordinator: ${refusal(error)}`);
      }
    }
    const pending = (await tenantTablesInOrder(client)).filter((t) => !done.has(t) && !(COORDINATOR_TABLES as readonly string[]).includes(t));
    // Citus distributes neither a table a local table points at, nor one that points at a local table: the
    // foreign keys among the tables still to place are set aside, every table placed, then the keys put back
    // (Citus then checks each joins co-located tables on storeId).
    const keys = pending.length
      ? (
          await client.query<{ child: string; parent: string; name: string; definition: string }>(
            `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
             FROM pg_constraint c WHERE c.contype = 'f' AND (c.conrelid::regclass::text = ANY($1) OR c.confrelid::regclass::text = ANY($1))
               AND NOT c.confrelid::regclass::text = ANY($2)`,
            [pending, REFERENCE_TABLES],
          )
        ).rows
      : [];
    for (const k of keys) await client.query(`ALTER TABLE ${quote(k.child)} DROP CONSTRAINT ${quote(k.name)}`);
    for (const table of pending) {
      try {
        await client.query(`SELECT create_distributed_table($1, 'storeId')`, [table]);
        report.push(`${table}: distributed by storeId`);
      } catch (error) {
        report.push(`${table}: REFUSED: ${refusal(error)}`);
      }
    }
    for (const k of keys) {
      try {
        await client.query(`ALTER TABLE ${quote(k.child)} ADD CONSTRAINT ${quote(k.name)} ${k.definition}`);
      } catch (error) {
        report.push(`${k.child} → ${k.parent}: foreign key ${k.name} REFUSED: ${refusal(error)}`);
      }
    }
    if (!report.length) report.push("every table already placed");
    return report;
  });
}

/** Where each table of the schema lives now. */
export async function placement(url: string): Promise<Placement[]> {
  return withClient(url, async (client) => {
    const rows = (
      await client.query<{ name: string; method: string | null; model: string | null }>(`
        SELECT c.relname AS name, p.partmethod::text AS method, p.repmodel::text AS model
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_dist_partition p ON p.logicalrelid = c.oid
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`)
    ).rows;
    return rows.map((r) => ({
      table: r.name,
      kind: r.method === "h" ? "distributed by storeId" : r.model === "t" ? "reference" : r.method === "n" ? "on the coordinator" : "local (not placed)",
    }));
  });
}
