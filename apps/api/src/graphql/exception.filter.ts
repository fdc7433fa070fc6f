import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType, GqlExceptionFilter } from '@nestjs/graphql';

/**
 * Without a filter, Nest logs every error a resolver or guard throws at `error` with its stack
 * ("ExceptionsHandler"), a wrong password as loudly as a crash. In GraphQL, errors are handed on
 * untouched to formatGraphQLError, which decides what the client sees and logs each one once at
 * the right level. HTTP routes keep Nest's handling (unknown errors: 500, logged with a stack).
 */
@Catch()
export class AppExceptionFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType<GqlContextType>() === 'graphql') {
      return exception instanceof Error ? exception : new Error(String(exception));
    }
    return super.catch(exception, host);
  }
}
