import { HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { DomainError, ErrorCode } from '@anchored/domain';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';

const logger = new Logger('GraphQLErrors');

/** Codes that graphql-js and Apollo produce themselves for malformed operations. */
const OPERATION_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST']);

function codeForHttpStatus(status: number): ErrorCode | undefined {
  switch (status) {
    case HttpStatus.UNAUTHORIZED:
      return ErrorCode.UNAUTHENTICATED;
    case HttpStatus.FORBIDDEN:
      return ErrorCode.FORBIDDEN;
    case HttpStatus.NOT_FOUND:
      return ErrorCode.NOT_FOUND;
    case HttpStatus.CONFLICT:
      return ErrorCode.CONFLICT;
    case HttpStatus.BAD_REQUEST:
      return ErrorCode.BAD_USER_INPUT;
    case HttpStatus.TOO_MANY_REQUESTS:
      return ErrorCode.TOO_MANY_REQUESTS;
    default:
      return undefined;
  }
}

const DEFAULT_MESSAGES: Partial<Record<ErrorCode, string>> = {
  [ErrorCode.UNAUTHENTICATED]: 'Please log in.',
  [ErrorCode.FORBIDDEN]: 'You are not allowed to do that.',
  [ErrorCode.TOO_MANY_REQUESTS]: 'Too many attempts. Please wait a minute and try again.',
};

interface SafeError {
  code: string;
  message: string;
  fields?: { field: string; message: string }[];
}

/** Turns whatever was thrown into what a client may see, or undefined when it must be hidden. */
function toSafeError(original: unknown, formatted: GraphQLFormattedError): SafeError | undefined {
  if (original instanceof DomainError) {
    return { code: original.code, message: original.message, fields: original.fields };
  }
  if (original instanceof ThrottlerException) {
    return { code: ErrorCode.TOO_MANY_REQUESTS, message: DEFAULT_MESSAGES[ErrorCode.TOO_MANY_REQUESTS] as string };
  }
  if (original instanceof HttpException) {
    const code = codeForHttpStatus(original.getStatus());
    if (!code) return undefined;
    return { code, message: DEFAULT_MESSAGES[code] ?? original.message };
  }
  if (formatted.extensions?.['code'] === 'GRAPHQL_PARSE_FAILED' && !(original instanceof GraphQLError) && original !== undefined) {
    // The parser itself failed (e.g. ran out of stack on absurd nesting): still the caller's fault.
    return { code: 'GRAPHQL_PARSE_FAILED', message: 'The operation could not be read: it is too large or too deeply nested.' };
  }
  if (original instanceof GraphQLError || original === undefined) {
    // Errors raised by graphql-js itself (syntax, validation, variable coercion) are safe to show.
    const code = formatted.extensions?.['code'];
    if (typeof code === 'string' && (OPERATION_CODES.has(code) || (Object.values(ErrorCode) as string[]).includes(code))) {
      return { code, message: formatted.message };
    }
    if (original === undefined && !code) return { code: 'GRAPHQL_VALIDATION_FAILED', message: formatted.message };
  }
  return undefined;
}

/** Refusals that may point at someone probing accounts or permissions: worth a warning. */
const WARN_CODES = new Set<string>([ErrorCode.UNAUTHENTICATED, ErrorCode.FORBIDDEN, ErrorCode.TOO_MANY_REQUESTS]);

/**
 * One line per expected refusal, without a stack and without the message: messages and field
 * problems may repeat what someone typed, so only the code, the path and the field names are kept.
 */
function logExpected(safe: SafeError, formatted: GraphQLFormattedError): void {
  const entry = {
    code: safe.code,
    path: formatted.path?.join('.'),
    ...(safe.fields ? { fields: [...new Set(safe.fields.map((f) => f.field))].slice(0, 20) } : {}),
  };
  if (WARN_CODES.has(safe.code)) logger.warn(entry, 'GraphQL request refused');
  else logger.log(entry, 'GraphQL request refused');
}

/**
 * The one place where errors become what clients see: a code and a human message, never a stack
 * trace, SQL or a class name. Anything unexpected is logged with its stack (through the logger's
 * error serializer, which drops SQL parameters) and replaced by a generic message.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? undefined) : error;
  const safe = toSafeError(original instanceof GraphQLError && original.originalError ? original.originalError : original, formatted);
  if (!safe) {
    logger.error({ err: original ?? error, path: formatted.path }, 'Unexpected error while handling a GraphQL request');
    return {
      message: 'Something went wrong on our side. Please try again.',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  }
  logExpected(safe, formatted);
  return {
    message: safe.message,
    path: formatted.path,
    locations: formatted.locations,
    extensions: safe.fields ? { code: safe.code, fields: safe.fields } : { code: safe.code },
  };
}
