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
    const [only] = first.extensions.fields;
    return first.extensions.fields.length === 1 ? withLabel(only.field, only.message) : 'Some answers need another look: see the highlighted fields.';
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
      out[key] ??= withoutName(field, message);
    }
  }
  return out;
}

// Messages such as `Variable "$input" got invalid value …` come from GraphQL validation, not from
// our services; a person gains nothing from them.
function looksTechnical(message: string): boolean {
  return /^(Variable "\$|Cannot query field|Syntax Error|Unknown argument|Expected type|Int cannot|Field ".*" of required type)/.test(message) || message.includes('{');
}

/** The API's input name at the start of a message ("quietHoursStart must be …"), if it is there. */
function leadingName(field: string, message: string): string | null {
  const name = field.split('.').pop() ?? '';
  return name && /^[a-z][A-Za-z0-9]*$/.test(name) && message.startsWith(`${name} `) ? name : null;
}

/** "quietHoursStart" → "Quiet hours start": how a person would name the field. */
export function humanizeName(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Next to its field, a message needs no field name at all: "quietHoursStart must be a time" reads
 * "Must be a time". Internal names never reach people.
 */
export function withoutName(field: string, message: string): string {
  const name = leadingName(field, message);
  if (!name) return message;
  const rest = message.slice(name.length + 1);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** Away from its field (a banner), the field is named as a person would: "Quiet hours start must be a time". */
export function withLabel(field: string, message: string): string {
  const name = leadingName(field, message);
  return name ? `${humanizeName(name)}${message.slice(name.length)}` : message;
}
