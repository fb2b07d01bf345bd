import {
  CompiledQuery,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type Compilable,
} from 'kysely';
import type { Database } from './schema.js';

/** Builds and compiles PostgreSQL queries without a connection. */
const queryBuilder = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/**
 * A query whose shape never changes, compiled once instead of on every call:
 * for the few queries on the path of every request. `build` receives one
 * placeholder per named parameter and must use each exactly once; the compiled
 * parameters are matched to the names through those placeholders.
 */
export function precompile<Names extends string, R>(
  names: readonly Names[],
  build: (qb: Kysely<Database>, placeholders: Record<Names, string>) => Compilable<R>,
): (values: Record<Names, unknown>) => CompiledQuery<R> {
  const placeholders = Object.fromEntries(names.map((n) => [n, `\u0000:${n}`])) as Record<
    Names,
    string
  >;
  const query = build(queryBuilder, placeholders).compile();
  const order = query.parameters.map((value) => {
    const name = names.find((n) => placeholders[n] === value);
    if (name === undefined)
      throw new Error('A precompiled query may take only its named parameters');
    return name;
  });
  if (order.length !== names.length || new Set(order).size !== names.length) {
    throw new Error('A precompiled query must use each named parameter exactly once');
  }
  return (values) =>
    CompiledQuery.raw(
      query.sql,
      order.map((n) => values[n]),
    );
}
