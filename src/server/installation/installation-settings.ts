// Settings of the installation (not of a store), kept in the database so every app server and the worker
// agree. A secret that is not configured is generated on first use, once per installation: there is no
// default secret anywhere in the source.
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/server/db/client";

const cache = new Map<string, string>();

/** The configured value of `envName`, or this installation's own secret `key`, made on first use. */
export async function installationSecret(key: string, envName?: string, env: Record<string, string | undefined> = process.env): Promise<string> {
  const configured = envName ? env[envName]?.trim() : undefined;
  if (configured) return configured;
  const cached = cache.get(key);
  if (cached) return cached;
  // Two servers racing on first use both insert; the first wins and both read its value.
  await db.$executeRaw`INSERT INTO installation_settings (key, value) VALUES (${`secret:${key}`}, ${randomBytes(32).toString("base64url")}) ON CONFLICT (key) DO NOTHING`;
  const row = await db.installationSetting.findUniqueOrThrow({ where: { key: `secret:${key}` } });
  cache.set(key, row.value);
  return row.value;
}

const DEMO_KEY = "demo";

/** Marks this installation as a demo one (it was seeded with the demo stores). */
export async function markDemoInstallation(client: { $executeRaw: typeof db.$executeRaw } = db): Promise<void> {
  await client.$executeRaw`INSERT INTO installation_settings (key, value) VALUES (${DEMO_KEY}, 'true') ON CONFLICT (key) DO NOTHING`;
}

/** Whether this installation was seeded with the demo stores. */
export async function isDemoInstallation(): Promise<boolean> {
  return !!(await db.installationSetting.findUnique({ where: { key: DEMO_KEY } }));
}
