import type { csrfReply } from '../../../server/modules/platform/platform.schema.ts';
import type { Reply } from './contract';
import { i18next } from './i18n';

/** The error body every 4xx/5xx answer of the API carries. */
export interface ApiErrorBody {
  code: string;
  message: string;
  field?: string;
  params?: Record<string, string | number>;
  requestId?: string;
}

/** A failed API call: the server's error code, its HTTP status, and the field it is about. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly params: Record<string, string | number>;
  readonly requestId: string | undefined;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.field = body.field;
    this.params = body.params ?? {};
    this.requestId = body.requestId;
  }
}

type Query = Record<string, string | number | undefined | null>;

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Query;
}

let csrfToken: Promise<string> | null = null;

/**
 * One Idempotency-Key per form sending: a POST with the same path and body that is sent again because its answer
 * got lost (network error, 5xx, busy) reuses the key, so the server answers the first result instead of creating
 * a second record. An answer from the server (success or a 4xx about the form) ends the attempt.
 */
const idempotencyKeys = new Map<string, string>();

function newKey(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function fetchCsrfToken(): Promise<string> {
  const response = await fetch('/api/v1/auth/csrf', { credentials: 'same-origin' });
  if (!response.ok) throw await toApiError(response);
  const { token } = (await response.json()) as Reply<typeof csrfReply>;
  return token;
}

function currentCsrfToken(): Promise<string> {
  if (!csrfToken) {
    csrfToken = fetchCsrfToken().catch((error: unknown) => {
      csrfToken = null;
      throw error;
    });
  }
  return csrfToken;
}

/** Forgets the CSRF token; the session changed (login, logout), so the next write fetches a new one. */
export function resetCsrfToken(): void {
  csrfToken = null;
}

/** Fetches the CSRF token ahead of the first write. */
export function prefetchCsrfToken(): void {
  currentCsrfToken().catch(() => undefined);
}

async function toApiError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: ApiErrorBody };
    if (body.error?.code) return new ApiError(response.status, body.error);
  } catch {
    // Not JSON (a proxy's error page): fall through to a generic code.
  }
  return new ApiError(response.status, {
    code: response.status >= 500 ? 'unavailable' : 'not_found',
    message: response.statusText,
    requestId: response.headers.get('x-request-id') ?? undefined,
  });
}

function withQuery(path: string, query: Query | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function send(path: string, options: RequestOptions, retried: boolean): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': i18next.language || 'de',
  };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = await currentCsrfToken();
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const url = withQuery(path, options.query);
  const attempt = `${method} ${url} ${body ?? ''}`;
  if (method === 'POST') {
    const key = idempotencyKeys.get(attempt) ?? newKey();
    idempotencyKeys.set(attempt, key);
    headers['idempotency-key'] = key;
  }

  let response: Response;
  try {
    response = await fetch(url, { method, headers, credentials: 'same-origin', body });
  } catch {
    throw new ApiError(0, { code: 'unavailable', message: 'network error' });
  }
  // The answer arrived: a later sending of the same form is a new one. Lost or busy answers keep the key.
  if (response.status < 500 && response.status !== 409 && response.status !== 429)
    idempotencyKeys.delete(attempt);
  if (response.ok) return response;

  const error = await toApiError(response);
  // The token expires with the session; fetch a fresh one once and try again.
  if (error.code === 'auth.csrf_invalid' && !retried) {
    resetCsrfToken();
    return send(path, options, true);
  }
  throw error;
}

/**
 * Calls the API and returns its JSON answer (undefined for 202/204 without a body). T is the route's reply type
 * from its schema (`Reply<typeof s.someReply>`, web/src/app/contract.ts), never written by hand.
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options, false);
  if (response.status === 204 || response.status === 202) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Like `api`, but also returns the answer's headers (the service worker marks answers it served from its cache). */
export async function apiWithHeaders<T>(
  path: string,
  options: RequestOptions = {},
): Promise<{ data: T; headers: Headers }> {
  const response = await send(path, options, false);
  const text = await response.text();
  return { data: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
}
