/** One ignore per dealership, category and record: ignoring again replaces it (with the finding's current fingerprint). */
export const ignoreKey = (dealership: string, category: string, ref: string) => `${dealership}:${category}:${ref}`.slice(0, 255);
