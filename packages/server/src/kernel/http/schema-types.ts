import { Type, type TSchema, type TObject, type TProperties } from 'typebox';

/** A bounded string: every string the API accepts has a maximum length. */
export const Text = (
  maxLength: number,
  options: { minLength?: number; pattern?: string; description?: string } = {},
) => Type.String({ maxLength, ...options });

export const Uuid = () => Type.String({ format: 'uuid', maxLength: 36 });

export const Timestamp = () => Type.String({ format: 'date-time', maxLength: 40 });

/** An object that rejects properties it does not declare. */
export const Strict = <T extends TProperties>(
  properties: T,
  options: { description?: string } = {},
) => Type.Object(properties, { additionalProperties: false, ...options });

export const Problem = Strict({
  type: Text(200),
  title: Text(200),
  status: Type.Integer(),
  code: Text(100),
  detail: Type.Optional(Text(2000)),
  instance: Type.Optional(Text(2000)),
  requestId: Type.Optional(Text(100)),
  errors: Type.Optional(Type.Array(Strict({ path: Text(500), message: Text(500) }))),
  retryAfterSeconds: Type.Optional(Type.Integer()),
});

/** Walks a schema and returns the paths of unbounded strings and of open objects. */
export function findLooseSchemaParts(schema: TSchema | undefined, at = ''): string[] {
  if (schema === undefined || typeof schema !== 'object') return [];
  const s = schema as Record<string, unknown>;
  const problems: string[] = [];
  if (
    s.type === 'string' &&
    s.maxLength === undefined &&
    s.const === undefined &&
    s.enum === undefined
  ) {
    problems.push(`${at || '/'} is a string without maxLength`);
  }
  if (s.type === 'object' && s.properties !== undefined && s.additionalProperties !== false) {
    problems.push(`${at || '/'} is an object that accepts unknown properties`);
  }
  const properties = (s.properties ?? {}) as Record<string, TSchema>;
  for (const [key, child] of Object.entries(properties)) {
    problems.push(...findLooseSchemaParts(child, `${at}/${key}`));
  }
  for (const key of ['items', 'additionalProperties'] as const) {
    if (typeof s[key] === 'object')
      problems.push(...findLooseSchemaParts(s[key] as TSchema, `${at}/${key}`));
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = s[key];
    if (Array.isArray(list))
      list.forEach((c, i) =>
        problems.push(...findLooseSchemaParts(c as TSchema, `${at}/${key}/${i}`)),
      );
  }
  return problems;
}

export type { TObject };
