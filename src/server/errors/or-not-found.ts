import { notFound } from "next/navigation";
import { isAppError, type ErrorCode } from "./app-error";

/** For pages: a use case's "not found" (or the given codes) becomes Next's 404 page; anything else is thrown on. */
export async function orNotFound<T>(work: Promise<T>, codes: readonly ErrorCode[] = ["NOT_FOUND"]): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isAppError(error) && codes.includes(error.code)) notFound();
    throw error;
  }
}
