import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from './config.ts';
import { AppError } from './errors.ts';
import { sendError } from './http.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A public route that costs the database or the CPU much (search, exports): it shares the heavy slots. */
    heavy?: boolean;
  }
}

/** How long a refused caller is asked to wait before trying again. */
export const BUSY_RETRY_AFTER_SECONDS = 5;

/** A counting semaphore with a bounded queue: acquire() is false when every slot and the queue are taken. */
export function createSlots(concurrency: number, queueLength: number) {
  let running = 0;
  const queue: (() => void)[] = [];
  return {
    async acquire(): Promise<boolean> {
      if (running < concurrency) {
        running++;
        return true;
      }
      if (queue.length >= queueLength) return false;
      await new Promise<void>((resolve) => queue.push(resolve));
      return true;
    },
    release(): void {
      const next = queue.shift();
      // The slot passes straight to the next waiter; `running` stays the same.
      if (next) next();
      else running--;
    },
  };
}

const HELD = Symbol('heavy slot held');
type HoldingRequest = FastifyRequest & { [HELD]?: boolean };

/**
 * Heavy routes (`config: { heavy: true }`) run at most HEAVY_CONCURRENCY at a time, HEAVY_QUEUE more wait; any
 * further one gets 503 `busy` with Retry-After at once. So a burst of searches or exports cannot starve the
 * event loop (PGlite runs in this process) and /health and light routes keep answering.
 */
export function registerLoadLimit(
  app: FastifyInstance,
  config: Pick<Config, 'heavyConcurrency' | 'heavyQueue'>,
) {
  const slots = createSlots(config.heavyConcurrency, config.heavyQueue);
  // preHandler: after the rate limit and validation, so refused or malformed requests never take a slot.
  app.addHook('preHandler', async (request: HoldingRequest, reply) => {
    if (!request.routeOptions.config?.heavy) return;
    const acquired = await slots.acquire();
    // A caller who left while queued (the abort hook saw no slot to free) gives the slot straight back.
    const gone = acquired && request.socket?.destroyed === true;
    if (gone) slots.release();
    if (!acquired || gone) {
      reply.header('retry-after', String(BUSY_RETRY_AFTER_SECONDS));
      return sendError(request, reply, new AppError('busy'));
    }
    request[HELD] = true;
  });
  const release = async (request: HoldingRequest) => {
    if (!request[HELD]) return;
    request[HELD] = false;
    slots.release();
  };
  app.addHook('onResponse', release);
  app.addHook('onRequestAbort', release);
}
