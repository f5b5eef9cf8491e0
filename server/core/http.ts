import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type AppServices, type Ctx, PUBLIC_ACTOR, type Actor } from './context.ts';
import { AppError, type ErrorCode, isAppError } from './errors.ts';
import { translate } from './i18n.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    locale: string;
  }
}

/** The service context for one request: its actor, language, time and origin. */
export function requestContext(services: AppServices, request: FastifyRequest): Ctx {
  return {
    ...services,
    db: services.database.db,
    actor: request.actor ?? PUBLIC_ACTOR,
    locale: request.locale ?? 'de',
    now: services.clock.now(),
    ip: request.ip ?? null,
    requestId: String(request.id),
  };
}

const CONTEXT_NAMES: Record<string, string> = {
  querystring: 'query',
  params: 'params',
  body: 'body',
  headers: 'headers',
};

type Issue = { keyword: string; instancePath: string; message?: string; params?: Record<string, unknown> };

/** Maps a zod issue to our stable validation codes. */
function validationError(context: string, issue: Issue): AppError {
  const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const keys = issue.params?.keys as string[] | undefined;
  const field = [CONTEXT_NAMES[context] ?? context, keys?.[0] ?? path].filter(Boolean).join('.');
  const origin = issue.params?.origin;
  const sized = origin === 'string' || origin === 'array';
  let code: ErrorCode;
  const params: Record<string, string | number> = {};
  switch (issue.keyword) {
    case 'invalid_type':
      code = issue.message?.includes('received undefined')
        ? 'validation.required'
        : 'validation.invalid_type';
      break;
    case 'too_small':
      code = sized ? 'validation.too_short' : 'validation.too_small';
      params.min = Number(issue.params?.minimum ?? 0);
      break;
    case 'too_big':
      code = sized ? 'validation.too_long' : 'validation.too_big';
      params.max = Number(issue.params?.maximum ?? 0);
      break;
    case 'invalid_format':
      code = 'validation.invalid_format';
      break;
    case 'invalid_value':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      code = 'validation.invalid_value';
      break;
    case 'unrecognized_keys':
      code = 'validation.unrecognized_key';
      break;
    default:
      code = 'validation.field';
  }
  return new AppError(code, { field, params });
}

/** Database errors that only bad input can cause become 4xx, never 5xx. */
function databaseInputError(error: { code?: unknown }): AppError | null {
  const code = typeof error.code === 'string' ? error.code : '';
  if (code === '23505') return new AppError('conflict.exists', { field: 'body' });
  if (code === '23503' || code === '23514' || code === '23502')
    return new AppError('validation.invalid_value', { field: 'body' });
  if (/^22/.test(code)) return new AppError('validation.invalid_format', { field: 'body' });
  return null;
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'validation.body_malformed',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'validation.body_malformed',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation.body_malformed',
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupported_media_type',
  FST_ERR_CTP_INVALID_TYPE: 'request.unsupported_media_type',
  FST_CSRF_INVALID_TOKEN: 'auth.csrf_invalid',
  FST_CSRF_MISSING_SECRET: 'auth.csrf_invalid',
  FST_ERR_VALIDATION: 'validation.field',
  FST_ERR_BAD_URL: 'route_not_found',
  FST_ERR_MAX_PARAM_LENGTH: 'route_not_found',
  FST_ERR_ASYNC_CONSTRAINT: 'validation.field',
};

/** Turns any error into an AppError; unknown ones become 'internal'. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as { validationContext?: string }).validationContext ?? 'body';
    return validationError(context, error.validation[0] as Issue);
  }
  const fastifyError = error as FastifyError;
  const mapped = fastifyError?.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (mapped) return new AppError(mapped, mapped === 'validation.body_malformed' ? { field: 'body' } : {});
  const fromDb =
    databaseInputError(fastifyError ?? {}) ??
    databaseInputError((fastifyError as { cause?: { code?: unknown } } | undefined)?.cause ?? {});
  if (fromDb) return fromDb;
  const status = fastifyError?.statusCode ?? 500;
  if (status === 429) return new AppError('rate_limited');
  if (status === 404) return new AppError('not_found');
  if (status === 413) return new AppError('request.too_large');
  if (status === 415) return new AppError('request.unsupported_media_type');
  if (status >= 400 && status < 500) return new AppError('validation.field', { field: 'request' });
  return new AppError('internal', { cause: error });
}

/** The error answer: a stable code, the message in the caller's language, the field, and a request id for faults. */
export function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  const appError = toAppError(error);
  const requestId = String(request.id);
  if (appError.status >= 500) {
    const cause = appError.cause as { name?: string; code?: string; stack?: string } | undefined;
    // The error's name, code and stack frames; never its message (it may quote values) or the request body.
    const frames = cause?.stack
      ?.split('\n')
      .filter((line) => line.trimStart().startsWith('at '))
      .join('\n');
    request.log.error(
      { err: { type: cause?.name, code: cause?.code, stack: frames }, requestId },
      'request failed',
    );
  }
  const params = appError.status >= 500 ? { ...appError.params, requestId } : appError.params;
  const fieldLabel = appError.field;
  const message = translate(request.locale ?? 'de', `errors:${appError.code}`, {
    ...params,
    field: fieldLabel,
  });
  // The rate limiter has set the seconds left of its window; the login block lasts its 15 minutes.
  if (appError.code === 'auth.rate_limited') reply.header('retry-after', '900');
  if (appError.code === 'rate_limited' && !reply.hasHeader('retry-after')) reply.header('retry-after', '60');
  return reply.status(appError.status).send({
    error: {
      code: appError.code,
      message,
      ...(appError.field ? { field: appError.field } : {}),
      ...(Object.keys(params).length ? { params } : {}),
      ...(appError.status >= 500 ? { requestId } : {}),
    },
  });
}
