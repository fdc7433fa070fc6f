import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client';
import { describeApiErrors, fieldProblems, NETWORK_MESSAGE, type ApiErrorShape } from './errors';

/** The GraphQL errors inside whatever Apollo Client handed us (none for network failures). */
export function apiErrorsOf(error: unknown): ApiErrorShape[] {
  if (CombinedGraphQLErrors.is(error)) return error.errors as ApiErrorShape[];
  if (ServerError.is(error)) {
    try {
      const body = JSON.parse(error.bodyText) as { errors?: ApiErrorShape[] };
      return body.errors ?? [];
    } catch {
      return [];
    }
  }
  return [];
}

/** A human sentence for any error a query or mutation produced. */
export function humanError(error: unknown): string {
  const errors = apiErrorsOf(error);
  if (errors.length) return describeApiErrors(errors);
  if (ServerError.is(error) || ServerParseError.is(error)) return 'Something went wrong on our side. Please try again in a moment.';
  return NETWORK_MESSAGE;
}

export function humanFieldErrors(error: unknown, prefix = ''): Record<string, string> {
  return fieldProblems(apiErrorsOf(error), prefix);
}

