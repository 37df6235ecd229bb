/** The smallest and largest top-up, in minor units (10 and 100,000 riyals): shared by the form and the server. */
export const MIN_TOP_UP = 1_000;
export const MAX_TOP_UP = 10_000_000;
