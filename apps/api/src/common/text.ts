import type { FieldProblem } from '@anchored/domain';

/**
 * One rule for all text that callers send: no C0 control characters (NUL among them: Postgres
 * cannot store it) and no DEL, except tab, line feed and carriage return, which people type.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Characters that take no space on screen: whitespace, format characters (zero-width space and
 * joiners, BOM, bidi marks), controls, and the blank "letters" used to fake a name (Hangul fillers,
 * the braille blank, combining grapheme joiner).
 */
// Joiners and Khmer inherent vowels combine with what precedes them, so they stay out of the class.
const INVISIBLE = /[\p{White_Space}\p{Cf}\p{Cc}\u115F\u2800\u3164\uFFA0]|\u034F|\u1160|\u17B4|\u17B5/gu;

export function hasControlCharacter(text: string): boolean {
  return CONTROL_CHARACTER.test(text);
}

/** True when something would show on screen: not only spaces and invisible characters. */
export function hasVisibleCharacter(text: string): boolean {
  return text.replace(INVISIBLE, '').length > 0;
}

/** Nesting allowed in input values: homework answers are { key: text | number | [text] }. */
export const MAX_INPUT_DEPTH = 16;
/** Values (strings, numbers, keys …) in one request's input: far above any form, far below abuse. */
export const MAX_INPUT_VALUES = 20_000;

const label = (path: string) => path || 'input';

/**
 * Walks what a caller sent (GraphQL variables, an HTTP body) and returns the first problem: text
 * with a control character (in a value or a key), nesting deeper than MAX_INPUT_DEPTH, or more than
 * MAX_INPUT_VALUES values. Messages name the field, never its content.
 */
export function findInputProblem(value: unknown, path = ''): FieldProblem | null {
  let seen = 0;
  const walk = (v: unknown, at: string, depth: number): FieldProblem | null => {
    if (++seen > MAX_INPUT_VALUES) return { field: label(path), message: `The input holds more than ${MAX_INPUT_VALUES} values.` };
    if (typeof v === 'string') {
      return hasControlCharacter(v) ? { field: label(at), message: `${label(at)} contains a control character (such as a NUL byte); please remove it.` } : null;
    }
    if (v === null || typeof v !== 'object') return null;
    if (depth >= MAX_INPUT_DEPTH) return { field: label(at), message: `${label(at)} is nested more than ${MAX_INPUT_DEPTH} levels deep.` };
    const entries: [string, unknown][] = Array.isArray(v) ? v.map((item, i) => [String(i), item]) : Object.entries(v);
    for (const [key, item] of entries) {
      const child = at ? `${at}.${key.slice(0, 64)}` : key.slice(0, 64);
      if (hasControlCharacter(key)) return { field: label(at), message: `${label(at)} has a key with a control character; please remove it.` };
      const problem = walk(item, child, depth + 1);
      if (problem) return problem;
    }
    return null;
  };
  return walk(value, path, 0);
}
