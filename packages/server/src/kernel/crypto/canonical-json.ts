/**
 * Canonical JSON (RFC 8785, JCS) for the values JSON can carry: object keys
 * sorted by UTF-16 code units, no white space, numbers and strings as
 * ECMAScript serialises them. Two parties that hold the same value produce the
 * same bytes, so a digest or signature over them survives storage in jsonb.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
