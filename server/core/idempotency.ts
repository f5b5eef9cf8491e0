import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppServices, Ctx } from './context.ts';
import { idempotencyKeys } from './core.tables.ts';
import { AppError } from './errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A public POST that creates a record: an Idempotency-Key header makes a retry answer the first result. */
    idempotent?: boolean;
  }
}

/** How long a key is remembered; the retention job removes older ones. */
export const IDEMPOTENCY_KEEP_MS = 24 * 3_600_000;
/** A first request still marked as running after this long died with its server; a retry may take it over. */
const ABANDONED_MS = 60_000;
const KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;
const FIELD = 'headers.idempotency-key';

type Claim = { route: string; key: string; replay: boolean };
const CLAIM = Symbol('idempotency claim');
type ClaimingRequest = FastifyRequest & { [CLAIM]?: Claim };

/** JSON with object keys sorted, so the same form hashes the same whatever order its fields came in. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * Routes with `config: { idempotent: true }` honour an `Idempotency-Key` header: the first request with a key
 * claims it, its successful answer is stored with a hash of the request; the same key and request again get that
 * answer (header `Idempotent-Replayed: true`) and create nothing; the same key with another request is 422
 * `idempotency.key_reused`; a retry while the first still runs is 409 `idempotency.in_progress` with Retry-After.
 * Failed answers are not stored: the key is free again. Without the header nothing changes.
 */
export function registerIdempotency(app: FastifyInstance, services: AppServices): void {
  // preHandler: after validation, so only well-formed requests claim a key.
  app.addHook('preHandler', async (request: ClaimingRequest, reply) => {
    if (!request.routeOptions.config?.idempotent) return;
    const header = request.headers['idempotency-key'];
    if (header === undefined) return;
    if (typeof header !== 'string' || !KEY_PATTERN.test(header))
      throw new AppError('validation.invalid_format', { field: FIELD });
    const db = services.database.db;
    const route = `${request.method} ${request.routeOptions.url}`;
    const bodyHash = createHash('sha256')
      .update(stableJson({ params: request.params, body: request.body }))
      .digest('hex');
    const now = services.clock.now();
    const claimed = await db
      .insert(idempotencyKeys)
      .values({ route, key: header, bodyHash, createdAt: now })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length > 0) {
      request[CLAIM] = { route, key: header, replay: false };
      return;
    }
    const [row] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.route, route), eq(idempotencyKeys.key, header)));
    if (!row) return; // removed in the meantime: handle the request as a new one, without a key
    if (row.bodyHash !== bodyHash) throw new AppError('idempotency.key_reused', { field: FIELD });
    if (row.status === null) {
      const abandoned = now.getTime() - row.createdAt.getTime() > ABANDONED_MS;
      const taken = abandoned
        ? await db
            .update(idempotencyKeys)
            .set({ createdAt: now })
            .where(
              and(
                eq(idempotencyKeys.route, route),
                eq(idempotencyKeys.key, header),
                eq(idempotencyKeys.createdAt, row.createdAt),
              ),
            )
            .returning({ key: idempotencyKeys.key })
        : [];
      if (taken.length > 0) {
        request[CLAIM] = { route, key: header, replay: false };
        return;
      }
      reply.header('retry-after', '1');
      throw new AppError('idempotency.in_progress', { field: FIELD });
    }
    request[CLAIM] = { route, key: header, replay: true };
    reply.status(row.status).header('idempotent-replayed', 'true');
    if (row.contentType) reply.header('content-type', row.contentType);
    return reply.send(row.reply ?? '');
  });

  // The answer as sent: stored when it succeeded, otherwise the key is freed for the next try.
  app.addHook('onSend', async (request: ClaimingRequest, reply, payload) => {
    const claim = request[CLAIM];
    if (!claim || claim.replay) return payload;
    request[CLAIM] = undefined;
    const where = and(eq(idempotencyKeys.route, claim.route), eq(idempotencyKeys.key, claim.key));
    try {
      if (reply.statusCode >= 200 && reply.statusCode < 300) {
        const contentType = reply.getHeader('content-type');
        await services.database.db
          .update(idempotencyKeys)
          .set({
            status: reply.statusCode,
            contentType: typeof contentType === 'string' ? contentType : null,
            reply: typeof payload === 'string' ? payload : '',
          })
          .where(where);
      } else {
        await services.database.db.delete(idempotencyKeys).where(where);
      }
    } catch (error) {
      // The record exists and the answer goes out; a retry then finds the key still running and waits.
      request.log.error({ err: { code: (error as { code?: string }).code } }, 'idempotency key not stored');
    }
    return payload;
  });
}

/** Removes keys older than 24 hours (the retention job); returns how many. */
export async function expireIdempotencyKeys(ctx: Ctx): Promise<number> {
  const removed = await ctx.db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, new Date(ctx.now.getTime() - IDEMPOTENCY_KEEP_MS)))
    .returning({ key: idempotencyKeys.key });
  return removed.length;
}
