import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, FIELD_INVALID_EN, type FieldProblem, validationError } from './errors.js';

interface ErrorBody {
  error: { id: string; message: string; details?: unknown };
}

/** English for a reader whose browser or client asks for it (Accept-Language: en…); Vietnamese otherwise. */
function wantsEnglish(acceptLanguage: string | undefined): boolean {
  return /^\s*en\b/i.test(acceptLanguage ?? '');
}

function render(error: AppError, english: boolean): ErrorBody {
  let details = error.details;
  const fields = (details as { fields?: FieldProblem[] } | undefined)?.fields;
  if (english && Array.isArray(fields)) {
    details = { ...(details as object), fields: fields.map((field) => ({ path: field.path, message: field.messageEn ?? FIELD_INVALID_EN })) };
  } else if (Array.isArray(fields)) {
    details = { ...(details as object), fields: fields.map((field) => ({ path: field.path, message: field.message })) };
  }
  return { error: { id: error.id, message: english ? error.messageEn : error.message, ...(details === undefined ? {} : { details }) } };
}

const englishZodMessages = z.locales.en().localeError;

/** Zod's own English for a schema issue (refinements with a message of our own fall back to a generic one). */
function englishIssueMessage(issue: { keyword?: string; params?: Record<string, unknown> }): string {
  if (issue.keyword === 'custom') return FIELD_INVALID_EN;
  const answer = englishZodMessages?.({ code: issue.keyword, ...issue.params } as never);
  return typeof answer === 'string' ? answer : (answer?.message ?? FIELD_INVALID_EN);
}

const LOCATION_LABELS: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'params',
  headers: 'headers',
};

function fromFastifyError(error: FastifyError): AppError {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const location = LOCATION_LABELS[error.validationContext ?? 'body'] ?? 'body';
    const fields: FieldProblem[] = error.validation.map((issue) => {
      const pointer = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
      return { path: pointer ? `${location}.${pointer}` : location, message: issue.message ?? 'không hợp lệ', messageEn: englishIssueMessage(issue) };
    });
    return validationError(fields);
  }
  if (error.validation) {
    return validationError(error.validation.map((issue) => ({ path: issue.instancePath || 'body', message: issue.message ?? 'không hợp lệ' })));
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return new AppError('PAYLOAD_TOO_LARGE', { cause: error });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', { cause: error });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('BAD_REQUEST', { message: 'Nội dung JSON gửi lên không đọc được', cause: error });
  }
  if (error.statusCode === 429) return new AppError('RATE_LIMITED', { cause: error });
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError('BAD_REQUEST', { cause: error });
  }
  return new AppError('INTERNAL', { cause: error });
}

function isDatabaseConnectionError(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'ECONNREFUSED' || code === '57P01' || code === '57P03' || code === '08006' || code === '08001';
}

/** A PostgreSQL error that comes from input we failed to reject earlier, e.g. a \0 byte in text. */
function isInputRejectedByDatabase(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === '22021' || code === '22P02' || code === '22007' || code === '22008' || code === '54000';
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((rawError, request, reply) => {
    let error: AppError;
    if (rawError instanceof AppError) {
      error = rawError;
    } else if (isDatabaseConnectionError(rawError)) {
      error = new AppError('DATABASE_UNAVAILABLE', { cause: rawError });
    } else if (isInputRejectedByDatabase(rawError)) {
      error = new AppError('BAD_REQUEST', { message: 'Dữ liệu chứa ký tự hoặc giá trị không hợp lệ', cause: rawError });
    } else if (isResponseSerializationError(rawError)) {
      error = new AppError('INTERNAL', { cause: rawError });
    } else {
      error = fromFastifyError(rawError as FastifyError);
    }
    if (error.status >= 500) {
      request.log.error({ err: rawError }, 'request failed');
    }
    if (error.id === 'AUTH_LOCKED' || error.id === 'RATE_LIMITED') {
      const retryAfter = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (retryAfter) void reply.header('Retry-After', String(retryAfter));
    }
    void reply.status(error.status).send(render(error, wantsEnglish(request.headers['accept-language'])));
  });

  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send(render(new AppError('ROUTE_NOT_FOUND'), wantsEnglish(request.headers['accept-language'])));
  });
}
