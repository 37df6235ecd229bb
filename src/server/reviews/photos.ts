// Customers' photos: checked by what they are, not what they are called; re-encoded, which drops EXIF
// (GPS position included) and any payload hidden after the image; turned upright; at most 1600 px.
import sharp from "sharp";
import { AppError, issue } from "@/server/errors/app-error";

import { MAX_PHOTO_BYTES } from "./photo-limits";
export { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_PRODUCT, MAX_REVIEW_BODY_BYTES } from "./photo-limits";

export type ProcessedPhoto = { bytes: Buffer; contentType: "image/jpeg"; extension: "jpg"; width: number; height: number };

/** The first bytes of the three accepted formats. */
export function sniffImageType(bytes: Uint8Array): "jpeg" | "png" | "webp" | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return "png";
  if (bytes.length >= 12 && Buffer.from(bytes.subarray(0, 4)).toString("latin1") === "RIFF" && Buffer.from(bytes.subarray(8, 12)).toString("latin1") === "WEBP")
    return "webp";
  return null;
}

export async function processPhoto(bytes: Buffer, field: string): Promise<ProcessedPhoto> {
  if (bytes.length > MAX_PHOTO_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", "A photo is larger than 5 MB.", {
      say: { key: "photoTooLarge", params: { n: 5 } },
      fields: { [field]: issue("maxMegabytes", { n: 5 }) },
    });
  const sniffed = sniffImageType(bytes);
  if (!sniffed)
    throw new AppError("VALIDATION_FAILED", "Photos must be JPEG, PNG or WebP images.", { say: { key: "photoType" }, fields: { [field]: issue("imageType") } });
  try {
    const image = sharp(bytes, { failOn: "error", limitInputPixels: 60_000_000 });
    const meta = await image.metadata();
    if (meta.format !== sniffed && !(sniffed === "jpeg" && meta.format === "jpeg")) throw new Error(`looks like ${sniffed}, decodes as ${meta.format}`);
    const { data, info } = await image
      .rotate()
      .resize({ width: 1600, height: 1600, fit: "inside", withoutEnlargement: true })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, contentType: "image/jpeg", extension: "jpg", width: info.width, height: info.height };
  } catch {
    throw new AppError("VALIDATION_FAILED", "A photo could not be read as an image.", {
      say: { key: "photoUnreadable" },
      fields: { [field]: issue("imageUnreadable") },
    });
  }
}
