/**
 * Canonical JSON (RFC 8785, JCS) for the values JSON can carry: object keys
 * sorted by UTF-16 code units, no white space, numbers and strings as
 * ECMAScript serialises them. Two parties that hold the same value produce the
 * same bytes, so a digest or signature over them survives storage in jsonb.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const members = Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map(
        (key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`,
      );
    return `{${members.join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new Error('canonical JSON has no form for NaN or Infinity');
  }
  return JSON.stringify(value);
}

/**
 * Objects rebuilt with their keys in sorted order (the audit chain's digest).
 * JavaScript puts integer-like keys first whatever the insertion order, so this
 * is not RFC 8785 for such keys: use canonicalJson for anything exchanged.
 */
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
