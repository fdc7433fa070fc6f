/**
 * Turns what the API (or the network) said into a sentence for a person. The API's own messages
 * are written for people; we only add wording for the cases where there is no such message.
 */
export interface ApiErrorShape {
  message: string;
  extensions?: { code?: string; fields?: { field: string; message: string }[] } & Record<string, unknown>;
}

const BY_CODE: Record<string, string> = {
  UNAUTHENTICATED: 'Your session has ended. Please log in again.',
  FORBIDDEN: 'You do not have access to this.',
  NOT_FOUND: 'We could not find that. It may have been removed.',
  TOO_MANY_REQUESTS: 'Too many attempts in a short time. Please wait a minute and try again.',
  INTERNAL_SERVER_ERROR: 'Something went wrong on our side. Please try again in a moment.',
};

export const NETWORK_MESSAGE = 'We could not reach Anchored. Check your connection and try again.';

/** One readable sentence for a list of GraphQL errors. */
export function describeApiErrors(errors: readonly ApiErrorShape[]): string {
  const first = errors[0];
  if (!first) return BY_CODE['INTERNAL_SERVER_ERROR'];
  const code = first.extensions?.code;
  if (code === 'INTERNAL_SERVER_ERROR' || !first.message || looksTechnical(first.message)) return BY_CODE[code ?? ''] ?? BY_CODE['INTERNAL_SERVER_ERROR'];
  if (code === 'BAD_USER_INPUT' && first.extensions?.fields?.length) {
    return first.extensions.fields.length === 1 ? first.extensions.fields[0].message : 'Some answers need another look: see the highlighted fields.';
  }
  return first.message;
}

/**
 * Field problems keyed by the form field they belong to. The API names fields by their input
 * path (`responses.feeling`, `input.email`); `prefix` strips the part the form does not show.
 */
export function fieldProblems(errors: readonly ApiErrorShape[], prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors) {
    for (const { field, message } of error.extensions?.fields ?? []) {
      const key = prefix && field.startsWith(prefix) ? field.slice(prefix.length) : field;
      out[key] ??= message;
    }
  }
  return out;
}

// Messages such as `Variable "$input" got invalid value …` come from GraphQL validation, not from
// our services; a person gains nothing from them.
function looksTechnical(message: string): boolean {
  return /^(Variable "\$|Cannot query field|Syntax Error|Unknown argument|Expected type|Int cannot|Field ".*" of required type)/.test(message) || message.includes('{');
}
