/**
 * Listening for PostgreSQL notifications (`pg_notify(channel, …)`, sent by the modules' triggers) for what an app
 * server keeps in memory: the directory's search index, the pages' cache of published answers. On PostgreSQL one
 * connection of its own per listener, re-established 250 ms after it was lost; each (re)connection calls
 * `onListening` with how long the server could not listen, so the caller catches up on what it missed (from a
 * change log by sequence, or by forgetting everything). On PGlite the in-process `listen`.
 */
import pg from 'pg';
import type { Database } from './db.ts';

export type ChangeListener = {
  /** Since when the listening connection is lost (null while listening). */
  readonly lostAt: number | null;
  stop(): Promise<void>;
};

export async function listenForChanges(
  database: Database,
  channels: readonly string[],
  handlers: {
    /** A notification on one of the channels. */
    onNotify: (channel: string) => void;
    /** Listening (again) after a loss of `lostForMs` (0 the first time): catch up on what was missed meanwhile. */
    onListening?: (lostForMs: number) => void;
  },
): Promise<ChangeListener> {
  const { pglite, pool } = database;
  if (pglite) {
    const stops = await Promise.all(
      channels.map((channel) => pglite.listen(channel, () => handlers.onNotify(channel))),
    );
    return { lostAt: null, stop: async () => void (await Promise.all(stops.map((stop) => stop()))) };
  }
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let stopped = false;
  const state: { lostAt: number | null } = { lostAt: null };
  if (!pool) return { lostAt: null, stop: async () => {} };
  const connect = async () => {
    if (stopped) return;
    const next = new pg.Client(pool.options);
    const lost = () => {
      if (client !== next || stopped) return;
      client = null;
      state.lostAt ??= Date.now();
      next.end().catch(() => {});
      retry = setTimeout(() => void connect(), 250);
    };
    next.on('error', lost);
    next.on('end', lost);
    next.on('notification', (message) => handlers.onNotify(message.channel));
    client = next;
    try {
      await next.connect();
      for (const channel of channels) await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      const lostFor = state.lostAt === null ? 0 : Date.now() - state.lostAt;
      state.lostAt = null;
      handlers.onListening?.(lostFor);
    } catch {
      lost();
    }
  };
  await connect();
  return {
    get lostAt() {
      return state.lostAt;
    },
    stop: async () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
