import { AppError } from "@/server/errors/app-error";

/**
 * The request's body, read up to `max` bytes: past that (by its Content-Length, or as it streams in) a
 * 413 that says the limit, without reading the rest into memory.
 */
export async function readLimited(request: Request, max: number, what: string): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `${what} is larger than ${Math.round(max / 1024 / 1024)} MB.`, { details: { limitBytes: max } });
  if (Number(request.headers.get("content-length") ?? 0) > max) throw tooLarge();
  const reader = request.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.length;
  }
  return body;
}
