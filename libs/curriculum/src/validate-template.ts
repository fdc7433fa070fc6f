import { HomeworkFieldKind, HomeworkUploadKind, type HomeworkField, type HomeworkTemplate } from './types';

/** A coach's template as typed in the editor, before it is checked. */
export interface TemplateDraft {
  title: string;
  instructions: string;
  fields: FieldDraft[];
}

export interface FieldDraft {
  key: string;
  label: string;
  kind: string;
  required: boolean;
  help?: string | null;
  min?: number | null;
  max?: number | null;
  options?: string[] | null;
  uploadKind?: string | null;
}

export interface TemplateProblem {
  /** `title`, `instructions`, `fields`, or `fields.2.options` and the like. */
  field: string;
  message: string;
}

export const TEMPLATE_LIMITS = {
  title: 200,
  instructions: 5000,
  fields: 30,
  label: 200,
  help: 300,
  options: 20,
  option: 200,
  scale: 100,
} as const;

const FIELD_KEY = /^[a-z][a-zA-Z0-9]{0,39}$/;
const KINDS = new Set<string>(Object.values(HomeworkFieldKind));
const UPLOAD_KINDS = new Set<string>(Object.values(HomeworkUploadKind));

/**
 * Checks a coach's template and returns it trimmed and in the curriculum's own shape (so the one
 * `validateResponses` checks answers to both), or every problem at once. The key is the caller's.
 */
export function validateTemplateDraft(key: string, draft: TemplateDraft): { template: HomeworkTemplate; problems: TemplateProblem[] } {
  const problems: TemplateProblem[] = [];
  const L = TEMPLATE_LIMITS;
  const title = draft.title.trim();
  const instructions = draft.instructions.trim();
  if (!title || title.length > L.title) problems.push({ field: 'title', message: `The title must be 1 to ${L.title} characters.` });
  if (instructions.length > L.instructions) problems.push({ field: 'instructions', message: `The instructions must be at most ${L.instructions} characters.` });
  if (draft.fields.length < 1 || draft.fields.length > L.fields) problems.push({ field: 'fields', message: `A template has 1 to ${L.fields} fields.` });

  const seen = new Set<string>();
  const fields: HomeworkField[] = draft.fields.slice(0, L.fields).map((raw, i) => {
    const at = (name: string) => `fields.${i}.${name}`;
    const n = i + 1;
    const key = raw.key.trim();
    const label = raw.label.trim();
    const help = raw.help?.trim() || undefined;
    if (!FIELD_KEY.test(key)) problems.push({ field: at('key'), message: `Field ${n}: the key must be camelCase letters and digits, starting with a small letter, at most 40.` });
    else if (seen.has(key)) problems.push({ field: at('key'), message: `Field ${n}: the key "${key}" is used twice.` });
    seen.add(key);
    if (!label || label.length > L.label) problems.push({ field: at('label'), message: `Field ${n}: the label must be 1 to ${L.label} characters.` });
    if (help && help.length > L.help) problems.push({ field: at('help'), message: `Field ${n}: the hint must be at most ${L.help} characters.` });
    const base = { key, label, required: raw.required, ...(help ? { help } : {}) };
    if (!KINDS.has(raw.kind)) {
      problems.push({ field: at('kind'), message: `Field ${n}: unknown kind.` });
      return { ...base, kind: 'TEXT' };
    }
    const kind = raw.kind as HomeworkFieldKind;
    switch (kind) {
      case 'SCALE': {
        const { min, max } = raw;
        const whole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= L.scale;
        if (!whole(min) || !whole(max) || min >= max) {
          problems.push({ field: at('min'), message: `Field ${n}: a scale needs whole numbers from -${L.scale} to ${L.scale}, the minimum below the maximum.` });
          return { ...base, kind, min: 0, max: 10 };
        }
        return { ...base, kind, min, max };
      }
      case 'CHOICE':
      case 'CHECKLIST': {
        const options = (raw.options ?? []).map((o) => o.trim());
        if (options.length < 2 || options.length > L.options) problems.push({ field: at('options'), message: `Field ${n}: give 2 to ${L.options} options.` });
        else if (options.some((o) => !o || o.length > L.option)) problems.push({ field: at('options'), message: `Field ${n}: each option must be 1 to ${L.option} characters.` });
        else if (new Set(options).size !== options.length) problems.push({ field: at('options'), message: `Field ${n}: an option is listed twice.` });
        return { ...base, kind, options };
      }
      case 'UPLOAD': {
        const uploadKind = raw.uploadKind ?? 'FILE';
        if (!UPLOAD_KINDS.has(uploadKind)) problems.push({ field: at('uploadKind'), message: `Field ${n}: an upload takes a FILE or a VOICE_NOTE.` });
        return { ...base, kind, uploadKind: uploadKind as HomeworkUploadKind };
      }
      default:
        return { ...base, kind };
    }
  });
  return { template: { key, title, instructions, fields }, problems };
}
