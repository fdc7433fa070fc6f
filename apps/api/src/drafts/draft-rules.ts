import { DomainError } from '@anchored/domain';

/** A draft is kept as typed, partial or not, but within the limits of a real answer. */
export const DRAFT_MAX_BYTES = 64 * 1024;
export const FEEDBACK_MAX_LENGTH = 10_000;
const ANSWER_MAX_LENGTH = 10_000;

function isDraftValue(value: unknown): boolean {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return typeof value !== 'number' || Number.isFinite(value);
  if (typeof value === 'string') return value.length <= ANSWER_MAX_LENGTH;
  return Array.isArray(value) && value.length <= 50 && value.every((v) => typeof v === 'string' && v.length <= 500);
}

/**
 * Unsent answers: an object of the template's own field keys, each a value a form can hold
 * (text, number, yes/no, a list of choices, or nothing yet). Not validated as an answer: a draft
 * may be half done. Throws BAD_USER_INPUT, naming the field, otherwise.
 */
export function assertDraftResponses(responses: unknown, fieldKeys: readonly string[]): Record<string, unknown> {
  if (typeof responses !== 'object' || responses === null || Array.isArray(responses)) {
    throw DomainError.badInput('responses', 'responses must be an object of { fieldKey: value }.');
  }
  for (const [key, value] of Object.entries(responses)) {
    if (!fieldKeys.includes(key)) throw DomainError.badInput(`responses.${key}`, `"${key}" is not a field of this homework.`);
    if (!isDraftValue(value)) throw DomainError.badInput(`responses.${key}`, `The draft answer for "${key}" is not something this form can hold.`);
  }
  if (Buffer.byteLength(JSON.stringify(responses)) > DRAFT_MAX_BYTES) {
    throw DomainError.badInput('responses', `A draft can hold at most ${DRAFT_MAX_BYTES / 1024} KB.`);
  }
  return responses as Record<string, unknown>;
}

export function assertDraftFeedback(feedback: string): string {
  if (feedback.length > FEEDBACK_MAX_LENGTH) throw DomainError.badInput('feedback', `feedback must be at most ${FEEDBACK_MAX_LENGTH} characters.`);
  return feedback;
}
