import type { City } from './city.ts';
import { ConfigError } from './config.ts';
import { audit } from './audit.ts';
import type { Ctx } from './context.ts';
import { expireIdempotencyKeys } from './idempotency.ts';
import type { JobDefinition } from './jobs.ts';
import type { RetentionHandler } from './module.ts';

/** Every rule in the city profile needs a handler and every handler a rule; otherwise the start stops. */
export function checkRetentionRules(city: City, handlers: Record<string, RetentionHandler>): void {
  const rules = Object.keys(city.profile.retention);
  const missingHandler = rules.find((key) => !handlers[key]);
  if (missingHandler)
    throw new ConfigError(`CITY retention rule "${missingHandler}" is not known to any module`);
  const missingRule = Object.keys(handlers).find((key) => !rules.includes(key));
  if (missingRule) throw new ConfigError(`CITY profile has no retention rule for "${missingRule}"`);
}

/** Applies every retention rule once, in one transaction per rule, and writes the counts to the audit log. */
export async function runRetention(
  ctx: Ctx,
  handlers: Record<string, RetentionHandler>,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [key, rule] of Object.entries(ctx.city.profile.retention)) {
    const handler = handlers[key];
    if (!handler) continue;
    counts[key] = await ctx.database.db.transaction((tx) => handler({ ...ctx, db: tx }, rule));
  }
  // Not a rule of the profile: the answers of public forms are kept 24 hours for retries, then removed.
  counts['core.idempotency_keys'] = await expireIdempotencyKeys(ctx);
  await audit(ctx, { action: 'retention.run', details: counts });
  return counts;
}

/** The daily retention job. */
export function retentionJob(handlers: Record<string, RetentionHandler>): JobDefinition {
  return { name: 'retention.daily', intervalSeconds: 86_400, run: (ctx) => runRetention(ctx, handlers) };
}
