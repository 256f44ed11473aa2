/** Limits both sides enforce: the SPA to guide the user, the API to refuse. */
export const LIMITS = {
  /** Longest accepted password; anything longer is refused before hashing (hashing is the cost). */
  passwordMaxLength: 1024,
  /** Largest accepted REST request body. */
  requestBodyBytes: 100 * 1024,
  /** Page sizes for lists. */
  pageSizeDefault: 50,
  pageSizeMax: 100,
} as const;
