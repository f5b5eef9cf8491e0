/**
 * One more app server for `npm run bench -- directory --servers N`, in its own process as a deployment would run
 * it (servers sharing one process would share one event loop). Argument: the database URL. It builds the app
 * with the same settings as the bench's first server, waits for its search index, tells the parent its port, and
 * then answers the bare endpoint with the page the parent sends; "stop" closes it.
 */
import { buildApp } from '../server/app.ts';
import { loadCity } from '../server/core/city.ts';
import { openDatabase } from '../server/core/db.ts';
import { searchIndexOf } from '../server/modules/directory/search/search.index.ts';
import { testConfig } from '../test/config.ts';

export const BARE_PATH = '/bench/bare';

/** The settings of every app server of the directory bench. */
export function benchConfig(url: string) {
  return testConfig({
    DATABASE_URL: url,
    DEMO: 'true',
    JOBS: 'false',
    LOG_LEVEL: 'warn',
    SEARCH_RATE_LIMIT: '100000',
  });
}

async function main(url: string): Promise<void> {
  const config = benchConfig(url);
  const database = await openDatabase({ kind: 'postgres', url });
  const { app } = await buildApp({ config, database, city: loadCity(config.cityDir) });
  let bare = Buffer.alloc(0);
  app.get(BARE_PATH, { schema: { hide: true } }, async (_request, reply) =>
    reply.type('application/json; charset=utf-8').send(bare),
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  await searchIndexOf(database).ready;
  const address = app.server.address();
  process.on('message', async (message: { bare?: string; stop?: true }) => {
    if (message.bare !== undefined) bare = Buffer.from(message.bare);
    if (message.stop) {
      await app.close();
      await database.close();
      process.exit(0);
    }
  });
  // The bench ended without telling (an error): do not stay behind.
  process.on('disconnect', () => process.exit(0));
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
}

if (process.send && process.argv[2]) await main(process.argv[2]);
