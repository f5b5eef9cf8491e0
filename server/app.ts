import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import helmet from 'helmet';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import pino, { type Logger } from 'pino';
import { sql } from 'drizzle-orm';
import { appMeta } from './core/core.tables.ts';
import type { City } from './core/city.ts';
import type { Config } from './core/config.ts';
import { type AppServices, Clock, PUBLIC_ACTOR, systemContext } from './core/context.ts';
import { type Database, isReady, migrateDatabase } from './core/db.ts';
import { AppError } from './core/errors.ts';
import { sendError } from './core/http.ts';
import { pickLocale } from './core/i18n.ts';
import { createJobRunner, type JobDefinition } from './core/jobs.ts';
import { registerIdempotency } from './core/idempotency.ts';
import { registerLoadLimit } from './core/limiter.ts';
import { deliverPendingMail } from './core/mail.ts';
import type { ModuleManifest, RetentionHandler } from './core/module.ts';
import { registerPolicies } from './core/policy.ts';
import { checkRetentionRules, retentionJob } from './core/retention.ts';
import { allModules } from './modules/index.ts';
import { resolveSession, SESSION_COOKIE } from './modules/platform/index.ts';

export const WEB_DIST = path.resolve(import.meta.dirname, '../web/dist');
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The process-wide logger: JSON lines, no cookies, no tokens, no query strings; a request's path is its route
 * pattern ("/api/v1/guides/public/requests/:code"), so follow codes and feed secrets in paths stay out.
 */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level: config.logLevel,
    redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
    serializers: {
      req: (req: FastifyRequest) => ({
        id: req.id,
        method: req.method,
        path: req.routeOptions?.url ?? '(no route)',
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type App = { app: FastifyInstance; services: AppServices; modules: ModuleManifest[] };

/** Builds the server: core plugins, then every module's manifest. Does not listen or migrate. */
export async function buildApp(options: {
  config: Config;
  database: Database;
  city: City;
  logger?: Logger;
  jobPollMs?: number;
}): Promise<App> {
  const { config, database, city } = options;
  const logger = options.logger ?? createLogger(config);
  const modules = allModules();
  for (const module of modules) module.settings?.check(city);
  const retention: Record<string, RetentionHandler> = Object.assign(
    {},
    ...modules.map((m) => m.retention ?? {}),
  );
  checkRetentionRules(city, retention);
  const services = { clock: new Clock(), config, database, city, logger } as AppServices;
  const jobs: JobDefinition[] = [
    retentionJob(retention),
    { name: 'mail.deliver', intervalSeconds: 10, run: () => deliverPendingMail(services) },
    ...modules.flatMap((m) => m.jobs ?? []),
  ];
  services.jobRunner = createJobRunner(
    services,
    jobs,
    options.jobPollMs ? { pollMs: options.jobPollMs } : {},
  );
  const supportedLocales = city.profile.languages.map((l) => l.code);

  const app: FastifyInstance = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: config.trustProxy,
    bodyLimit: 1_048_576,
    routerOptions: { maxParamLength: 200 },
    // Registering every module's routes and schemas takes a few seconds on a busy machine; 10 s (the default) was
    // seen to run out while several test processes shared two cores.
    pluginTimeout: 60_000,
    frameworkErrors: (error, request, reply) => sendError(request, reply, error),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) => sendError(request, reply, error));
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // API answers may carry personal data: not kept by browsers or proxies, unless a route says otherwise.
    if (isApiRequest(request) && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });

  const https = config.publicUrl.startsWith('https:');
  const tileOrigin = config.tileUrl ? new URL(config.tileUrl.replace(/\{[a-z]\}/g, '0')).origin : null;
  // helmet's security headers, its middleware built once. (@fastify/helmet builds it again for every request,
  // parsing the Content-Security-Policy each time: a tenth of a small request's CPU.)
  const securityHeaders = helmet({
    hsts: https,
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'img-src': ["'self'", 'data:', 'blob:', ...(tileOrigin ? [tileOrigin] : [])],
        'upgrade-insecure-requests': https ? [] : null,
      },
    },
  });
  app.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error?: unknown) =>
      error ? done(error instanceof Error ? error : new Error(String(error))) : done(),
    ),
  );
  await app.register(fastifyCookie, { secret: config.sessionSecret });
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'lotse_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', signed: true, secure: https },
    getToken: (request) => request.headers['x-csrf-token'] as string | undefined,
  });
  await app.register(fastifyRateLimit, { global: false });
  registerLoadLimit(app, config);
  registerIdempotency(app, services);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Lotse API',
        version: '1',
        description: 'The integration platform of a city: accounts, directory, guides, schooling.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.addHook('onRequest', async (request) => {
    request.locale = pickLocale(
      supportedLocales,
      request.cookies.lotse_lang,
      request.headers['accept-language'],
    );
    request.actor = PUBLIC_ACTOR;
    const token = request.cookies[SESSION_COOKIE];
    // Most requests (readers without an account) carry no session: nothing to look up.
    if (!token || !isApiRequest(request)) return;
    const actor = await resolveSession(systemContext(services), token);
    if (actor) request.actor = actor;
  });
  app.addHook('preValidation', async (request) => {
    // Deep nesting would overflow the stack of whatever walks it next: refuse it as malformed.
    if (nestingDepth(request.body) > MAX_NESTING)
      throw new AppError('validation.body_malformed', { field: 'body' });
    // NUL cannot be stored in PostgreSQL text; refuse it up front and name the field.
    const field = findNul({ body: request.body, query: request.query, params: request.params });
    if (field) throw new AppError('validation.invalid_format', { field });
  });
  app.addHook('onRequest', (request, reply, done) => {
    if (STATE_CHANGING.has(request.method) && isApiRequest(request)) {
      app.csrfProtection(request, reply, done);
      return;
    }
    done();
  });

  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/ready', { schema: { hide: true } }, async (_request, reply) => {
    const ready = (await isReady(database)) && modules.every((m) => m.ready?.(services) ?? true);
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready' });
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  for (const module of modules) {
    registerPolicies(module.policies);
    await app.register(module.routes, { prefix: '/api/v1', services });
    for (const extra of module.extraRoutes ?? [])
      await app.register(extra.routes, { prefix: extra.prefix, services });
  }

  await registerWeb(app, supportedLocales, city);
  return { app, services, modules };
}

/**
 * Whether a request goes to the API, judged by the route it matched (the router decodes "/%61pi/…" to "/api/…"),
 * or, for no route, by its decoded path: the CSRF check and the session cannot be dodged by percent-encoding.
 */
function isApiRequest(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  if (route) return route.startsWith('/api/');
  const pathname = request.url.split('?')[0] ?? '';
  let decoded = pathname;
  try {
    for (let i = 0; i < 3 && decoded.includes('%'); i++) decoded = decodeURIComponent(decoded);
  } catch {
    return true;
  }
  return decoded.startsWith('/api/') || pathname.startsWith('/api/');
}

/** How deep a request body may nest arrays and objects; no form of the app comes near it. */
const MAX_NESTING = 32;

/** The depth of nested arrays and objects in a value, counted without recursion (a deep body cannot overflow it). */
function nestingDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (!item || typeof item !== 'object') continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest > MAX_NESTING) return deepest;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** The path of the first string containing a NUL character, e.g. "body.name", or null. */
function findNul(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const found = findNul(child, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/** Serves the built web app; any other GET that wants HTML gets index.html with lang and dir for the first paint. */
async function registerWeb(app: FastifyInstance, supported: string[], city: City): Promise<void> {
  const indexFile = path.join(WEB_DIST, 'index.html');
  const hasWeb = existsSync(indexFile);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      index: false,
      wildcard: false,
      // The build writes .br and .gz next to each asset (vite.config.ts); sent as they are when accepted.
      preCompressed: true,
      setHeaders: (res, file) => {
        res.header(
          'cache-control',
          file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  const rtl = new Set(city.profile.languages.filter((l) => l.direction === 'rtl').map((l) => l.code));
  let indexHtml: string | null = null;
  app.setNotFoundHandler((request, reply) => {
    // Any page of the app (not an API call, not a missing file) gets index.html; the router shows the page.
    const pathname = request.url.split('?')[0] ?? '';
    const wantsHtml =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !pathname.startsWith('/api/') &&
      !/\.[a-z0-9]+$/i.test(pathname);
    if (!wantsHtml || !hasWeb) {
      return sendError(request, reply, Object.assign(new Error('route'), { code: 'FST_ERR_BAD_URL' }));
    }
    indexHtml ??= readFileSync(indexFile, 'utf8');
    const locale = supported.includes(request.locale) ? request.locale : 'de';
    const html = indexHtml.replace(
      '<html lang="de" dir="ltr">',
      `<html lang="${locale}" dir="${rtl.has(locale) ? 'rtl' : 'ltr'}">`,
    );
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  });
}

/** Migrates, loads reference data, and loads the demo data once (the first start in demo mode). */
export async function prepareDatabase(
  services: AppServices,
  modules: ModuleManifest[],
): Promise<{ demoLoaded: boolean }> {
  await migrateDatabase(services.database, services.config.migrationDatabaseUrl);
  const ctx = systemContext(services);
  for (const module of modules) await module.seedBase?.(ctx);
  if (!services.config.demo) return { demoLoaded: false };
  return services.database.db.transaction(async (tx) => {
    // The marker goes first: a second server starting at the same time waits here, then skips.
    const marker = await tx
      .insert(appMeta)
      .values({ key: 'demo.loaded_at', value: sql`to_jsonb(now())` })
      .onConflictDoNothing()
      .returning({ key: appMeta.key });
    if (marker.length === 0) return { demoLoaded: false };
    for (const module of modules) await module.seedDemo?.({ ...ctx, db: tx });
    return { demoLoaded: true };
  });
}
