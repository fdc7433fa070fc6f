import type { HomeworkField, HomeworkTemplate } from './types';

export type ResponseProblemCode =
  | 'NOT_AN_OBJECT'
  | 'REQUIRED'
  | 'WRONG_TYPE'
  | 'OUT_OF_RANGE'
  | 'UNKNOWN_OPTION'
  | 'UNKNOWN_FIELD'
  | 'TOO_LONG'
  | 'UNKNOWN_UPLOAD';

export interface ResponseProblem {
  /** The field key, or null when the whole answer is wrong. */
  field: string | null;
  code: ResponseProblemCode;
  message: string;
}

/** Length limits keep one answer from bloating the database; generous for reflective writing. */
export const MAX_TEXT_LENGTH = 500;
export const MAX_LONG_TEXT_LENGTH = 10_000;
/** Unknown answer keys reported one by one; more become a single problem. Keys are cut short when shown. */
export const MAX_UNKNOWN_FIELDS_LISTED = 5;
const MAX_KEY_SHOWN = 40;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isBlank(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** What the validator may know about the caller's uploads (the API looks them up; the check stays pure). */
export interface UploadFacts {
  /** Uploads the submitting client made for this assignment, by id: the field each was made for. */
  uploads?: ReadonlyMap<string, { fieldKey: string }>;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written as YYYY-MM-DD (no 2026-02-30), between years 1900 and 2199. */
export function isCalendarDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2199) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function checkField(field: HomeworkField, value: unknown, facts: UploadFacts): ResponseProblem | null {
  const problem = (code: ResponseProblemCode, message: string): ResponseProblem => ({
    field: field.key,
    code,
    message: `"${field.key}" (${field.label}) ${message}`,
  });

  if (isBlank(value)) {
    return field.required ? problem('REQUIRED', 'is required.') : null;
  }

  switch (field.kind) {
    case 'TEXT':
    case 'LONG_TEXT': {
      if (typeof value !== 'string') return problem('WRONG_TYPE', 'must be text.');
      const limit = field.kind === 'TEXT' ? MAX_TEXT_LENGTH : MAX_LONG_TEXT_LENGTH;
      return value.length > limit ? problem('TOO_LONG', `must be at most ${limit} characters.`) : null;
    }
    case 'SCALE': {
      if (typeof value !== 'number' || !Number.isInteger(value)) return problem('WRONG_TYPE', 'must be a whole number.');
      return value < field.min || value > field.max
        ? problem('OUT_OF_RANGE', `must be from ${field.min} to ${field.max}.`)
        : null;
    }
    // Never repeat what was typed: messages end up in logs and error reports (see docs/privacy.md).
    case 'CHOICE': {
      if (typeof value !== 'string') return problem('WRONG_TYPE', 'must be one of its options.');
      return field.options.includes(value) ? null : problem('UNKNOWN_OPTION', 'must be one of its options.');
    }
    case 'CHECKLIST': {
      if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
        return problem('WRONG_TYPE', 'must be a list of its options.');
      }
      const unknown = value.find((item) => !field.options.includes(item as string));
      if (unknown !== undefined) return problem('UNKNOWN_OPTION', 'may only list its options.');
      return new Set(value).size === value.length ? null : problem('WRONG_TYPE', 'lists an option more than once.');
    }
    case 'DATE': {
      if (typeof value !== 'string') return problem('WRONG_TYPE', 'must be a date (YYYY-MM-DD).');
      return isCalendarDay(value) ? null : problem('WRONG_TYPE', 'must be a real date (YYYY-MM-DD).');
    }
    case 'UPLOAD': {
      if (typeof value !== 'string') return problem('WRONG_TYPE', 'must be the id of an uploaded file.');
      // Only the caller's own upload for this very field counts: never someone else's file.
      return facts.uploads?.get(value.toLowerCase())?.fieldKey === field.key
        ? null
        : problem('UNKNOWN_UPLOAD', 'must be a file you uploaded for this field.');
    }
  }
}

/**
 * Checks a submission's answers against its template and returns every problem found (empty when
 * valid), so a client can fix the whole form in one go. Optional fields may be absent or null.
 * The one validator for the curriculum's templates and coaches' own (pinned versions alike).
 */
export function validateResponses(template: HomeworkTemplate, responses: unknown, facts: UploadFacts = {}): ResponseProblem[] {
  if (!isPlainObject(responses)) {
    return [{ field: null, code: 'NOT_AN_OBJECT', message: 'Answers must be an object keyed by field.' }];
  }
  const problems: ResponseProblem[] = [];
  const known = new Set(template.fields.map((field) => field.key));
  const unknown = Object.keys(responses).filter((key) => !known.has(key));
  // Each stray key is reported while there are few (a typo, an old form); beyond that, one summary,
  // so 8,000 made-up keys cannot turn into a megabyte of errors.
  if (unknown.length > MAX_UNKNOWN_FIELDS_LISTED) {
    problems.push({ field: null, code: 'UNKNOWN_FIELD', message: `${unknown.length} answers are not fields of "${template.title}".` });
  } else {
    for (const key of unknown) {
      const shown = key.length > MAX_KEY_SHOWN ? `${key.slice(0, MAX_KEY_SHOWN)}…` : key;
      problems.push({ field: shown, code: 'UNKNOWN_FIELD', message: `"${shown}" is not a field of "${template.title}".` });
    }
  }
  for (const field of template.fields) {
    const problem = checkField(field, responses[field.key], facts);
    if (problem) problems.push(problem);
  }
  return problems;
}
