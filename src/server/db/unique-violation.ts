import { Prisma } from "@/generated/prisma/client";

/** Whether a write failed on this unique index or constraint (Prisma P2002, or Postgres 23505 from raw SQL). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    return JSON.stringify(error.meta ?? {}).includes(constraint) || String(error.message).includes(constraint);
  }
  const cause = error as { code?: string; constraint?: string; message?: string } | null;
  return cause?.code === "23505" && (cause.constraint === constraint || !!cause.message?.includes(constraint));
}
