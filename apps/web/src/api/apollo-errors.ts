import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client';
import { useMemo, useState } from 'react';
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


/**
 * The API's field problems, each gone as soon as the person changes that field: a message that
 * stays next to an answer already fixed reads as if the fix did not work. `clear(key)` on change.
 */
export function useFieldErrors(error: unknown, prefix = ''): { errors: Record<string, string>; clear: (key: string) => void } {
  const all = useMemo(() => humanFieldErrors(error, prefix), [error, prefix]);
  const [cleared, setCleared] = useState<{ error: unknown; keys: ReadonlySet<string> }>({ error, keys: new Set() });
  const keys = cleared.error === error ? cleared.keys : new Set<string>();
  const errors = Object.fromEntries(Object.entries(all).filter(([key]) => !keys.has(key)));
  const clear = (key: string) => {
    if (key in all && !keys.has(key)) setCleared({ error, keys: new Set([...keys, key]) });
  };
  return { errors, clear };
}
