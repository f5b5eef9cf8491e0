import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../server/app.ts';
import { loadCity } from '../server/core/city.ts';
import type { AppServices } from '../server/core/context.ts';
import { type DatabaseKind, openDatabase } from '../server/core/db.ts';
import { DEMO_PASSWORD, demoEmail, testConfig } from './config.ts';
import { adminQuery, databaseUrl } from './postgres.ts';

export type Reply = {
  status: number;
  body: string;
  /** The body's bytes (a PDF, a backup). */
  raw: Buffer;
  json: <T = Record<string, unknown>>() => T;
  headers: Record<string, unknown>;
};
type RequestOptions = { body?: unknown; headers?: Record<string, string>; csrf?: boolean };

/** A browser-like client: keeps cookies and sends the CSRF token on state-changing requests. */
export class Client {
  private cookies = new Map<string, string>();
  private csrfToken: string | null = null;
  constructor(
    private readonly app: FastifyInstance,
    readonly locale = 'de',
  ) {}

  async request(method: string, url: string, options: RequestOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { 'accept-language': this.locale, ...options.headers };
    if (method !== 'GET' && method !== 'HEAD' && options.csrf !== false) {
      this.csrfToken ??= (await this.request('GET', '/api/v1/auth/csrf')).json<{ token: string }>().token;
      headers['x-csrf-token'] ??= this.csrfToken;
    }
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const payload =
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body);
    if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const response = await this.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(payload === undefined ? {} : { payload }),
    });
    for (const cookie of response.cookies as {
      name: string;
      value: string;
      maxAge?: number;
      expires?: Date;
    }[]) {
      const expired =
        cookie.maxAge === 0 ||
        (cookie.expires && cookie.expires.getTime() < Date.now()) ||
        cookie.value === '';
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return {
      status: response.statusCode,
      body: response.body,
      raw: response.rawPayload,
      json: () => response.json(),
      headers: response.headers,
    };
  }
  get(url: string, options?: RequestOptions) {
    return this.request('GET', url, options);
  }
  post(url: string, body?: unknown, options?: RequestOptions) {
    return this.request('POST', url, { ...options, body });
  }
  patch(url: string, body?: unknown, options?: RequestOptions) {
    return this.request('PATCH', url, { ...options, body });
  }
  cookie(name: string) {
    return this.cookies.get(name);
  }
  /** Sets a cookie as if the server had set it (e.g. a session made directly in the database). */
  setCookie(name: string, value: string) {
    this.cookies.set(name, value);
  }
}

export type TestApp = {
  app: FastifyInstance;
  services: AppServices;
  kind: DatabaseKind;
  client(locale?: string): Client;
  /** A client signed in as the demo account of a role (or any e-mail with its password). */
  login(roleOrEmail: string, password?: string): Promise<Client>;
  close(): Promise<void>;
};

/** The database kind this test project runs on. */
export function testDatabaseKind(): DatabaseKind {
  return process.env.LOTSE_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

/** A fresh database copied from the run's template (migrated, demo data loaded). */
export async function openTestDatabase(kind: DatabaseKind = testDatabaseKind()) {
  if (kind === 'pglite') {
    const blob = new Blob([readFileSync(inject('pgliteTemplate'))]);
    return {
      database: await openDatabase({ kind: 'pglite', dataDir: null, loadDataDir: blob }),
      url: null,
      drop: async () => {},
    };
  }
  const server = inject('postgresUrl');
  const name = `t_${randomUUID().replaceAll('-', '')}`;
  await adminQuery(server, `create database ${name} template lotse_template`);
  const url = databaseUrl(server, name);
  return {
    database: await openDatabase({ kind: 'postgres', url, max: 4 }),
    url,
    drop: () => adminQuery(server, `drop database if exists ${name} with (force)`),
  };
}

/** The whole app on a fresh copy of the template database, driven through the real HTTP layer. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config = testConfig(env);
  const { database, drop } = await openTestDatabase();
  const { app, services } = await buildApp({ config, database, city: loadCity(config.cityDir) });
  await app.ready();
  return {
    app,
    services,
    kind: database.kind,
    client: (locale) => new Client(app, locale),
    async login(roleOrEmail, password = DEMO_PASSWORD) {
      const client = new Client(app);
      const email = roleOrEmail.includes('@') ? roleOrEmail : demoEmail(roleOrEmail);
      const reply = await client.post('/api/v1/auth/login', { email, password });
      if (reply.status !== 200) throw new Error(`login as ${email} failed: ${reply.status} ${reply.body}`);
      return client;
    },
    async close() {
      await services.jobRunner.stop();
      await app.close();
      await database.close();
      await drop();
    },
  };
}
