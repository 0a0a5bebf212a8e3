// How command-line tools reach the database: DATABASE_URL when set; else the embedded database,
// through the running app's server when `npm start` is up (PGlite allows one process per data
// directory), or by opening it directly.
import { startEmbeddedPostgres } from "./embedded-postgres";
import { PGLITE_DIR, runningEmbeddedPort } from "./data-dir";

export type TToolingDb = { url: string; embedded: boolean; stop: () => Promise<void> };

export async function openToolingDatabase(): Promise<TToolingDb> {
  if (process.env.DATABASE_URL)
    return { url: process.env.DATABASE_URL, embedded: false, stop: () => Promise.resolve() };
  const port = runningEmbeddedPort();
  if (port)
    return {
      url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
      embedded: true,
      stop: () => Promise.resolve(),
    };
  const pg = await startEmbeddedPostgres({ dataDir: PGLITE_DIR });
  return { url: pg.url, embedded: true, stop: () => pg.stop() };
}
