import { Ajv } from 'ajv';
import formatsPlugin from 'ajv-formats';
import type { Static, TSchema } from 'typebox';

const addFormats = formatsPlugin as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(
  new Ajv({ allErrors: false, removeAdditional: false, coerceTypes: false, strict: false }),
);

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Compiles a schema into a checker for values that do not come through an HTTP
 * route (signed documents, envelope payloads): strict, no coercion, unknown
 * properties refused. The error names the first failing place.
 */
export function compileChecker<T extends TSchema>(
  schema: T,
): (value: unknown) => Checked<Static<T>> {
  const validate = ajv.compile(schema);
  return (value) => {
    if (validate(value)) return { ok: true, value: value as Static<T> };
    const first = validate.errors?.[0];
    const where = first?.instancePath ? first.instancePath : '/';
    const extra =
      first?.keyword === 'additionalProperties'
        ? ` (${String((first.params as { additionalProperty?: string }).additionalProperty)})`
        : '';
    return { ok: false, error: `${where} ${first?.message ?? 'is not valid'}${extra}` };
  };
}
