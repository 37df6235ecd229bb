import type { Actor } from "@/server/auth/context";

/** The actor columns of an OrderEvent row. */
export function actorFields(actor: Actor) {
  return { actorType: actor.type, actorId: actor.id, actorName: actor.name } as const;
}
