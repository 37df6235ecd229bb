// The limits of a review's photos, shared by the server and the review form (no imports: the form runs in the browser).
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_PHOTOS_PER_PRODUCT = 3;
/** A whole review: up to 3 photos of 5 MB for each of 4 products, plus the form. */
export const MAX_REVIEW_BODY_BYTES = 4 * MAX_PHOTOS_PER_PRODUCT * MAX_PHOTO_BYTES + 1024 * 1024;
