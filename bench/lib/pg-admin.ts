import pg from 'pg';

/** The PostgreSQL server's maintenance database; benchmarks create and drop their own databases there. */
export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The connection string of another database on the same server. */
export function urlFor(dbName: string): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${dbName}`;
  return u.toString();
}

/** Runs one statement (CREATE/DROP DATABASE …) on the maintenance database. */
export async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}
