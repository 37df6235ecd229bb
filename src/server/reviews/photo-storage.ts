// Where review photos live. Local disk under the data folder by default (git-ignored); anything that
// implements this interface (an S3-compatible bucket, say) can take its place.
import { promises as fs } from "node:fs";
import path from "node:path";
import { s3PhotoStorage } from "./s3-storage";

export interface PhotoStorage {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

/** Keys are "<storeId>/<photoId>.<ext>", made by the app, never by a user. */
const SAFE_KEY = /^[0-9a-f-]{36}\/[0-9a-f-]{36}\.(jpg|png|webp)$/;

export function diskPhotoStorage(root: string): PhotoStorage {
  const fileOf = (key: string) => {
    if (!SAFE_KEY.test(key)) throw new Error(`not a photo key: ${key}`);
    return path.join(root, key);
  };
  return {
    async put(key, bytes) {
      const file = fileOf(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Written aside and renamed: a reader never sees half a photo.
      await fs.writeFile(`${file}.part`, bytes);
      await fs.rename(`${file}.part`, file);
    },
    async get(key) {
      try {
        return await fs.readFile(fileOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      await fs.rm(fileOf(key), { force: true });
    },
  };
}

/**
 * The installation's photo storage: an S3-compatible bucket when REVIEW_PHOTOS_S3_BUCKET is set (with
 * its endpoint, region and keys), otherwise REVIEW_PHOTOS_DIR or photos/ in the data folder.
 */
export function photoStorage(env: Record<string, string | undefined> = process.env): PhotoStorage {
  if (env.REVIEW_PHOTOS_S3_BUCKET) {
    return s3PhotoStorage({
      endpoint: env.REVIEW_PHOTOS_S3_ENDPOINT ?? `https://s3.${env.REVIEW_PHOTOS_S3_REGION ?? "us-east-1"}.amazonaws.com`,
      bucket: env.REVIEW_PHOTOS_S3_BUCKET,
      region: env.REVIEW_PHOTOS_S3_REGION ?? "us-east-1",
      accessKeyId: env.REVIEW_PHOTOS_S3_ACCESS_KEY_ID ?? "",
      secretAccessKey: env.REVIEW_PHOTOS_S3_SECRET_ACCESS_KEY ?? "",
    });
  }
  return diskPhotoStorage(path.resolve(env.REVIEW_PHOTOS_DIR ?? path.join(env.TAJER_DATA_DIR ?? ".data", "photos")));
}
