/** Kinds of input a homework form can ask for; the API serves this object as the GraphQL enum HomeworkFieldKind. */
export const HomeworkFieldKind = {
  TEXT: 'TEXT',
  LONG_TEXT: 'LONG_TEXT',
  SCALE: 'SCALE',
  CHOICE: 'CHOICE',
  CHECKLIST: 'CHECKLIST',
  /** A calendar day, answered as "YYYY-MM-DD". */
  DATE: 'DATE',
  /** A file or voice note, answered with the id of an upload (docs/homework-templates.md). */
  UPLOAD: 'UPLOAD',
} as const;
export type HomeworkFieldKind = (typeof HomeworkFieldKind)[keyof typeof HomeworkFieldKind];

interface FieldBase {
  /** camelCase key used in a submission's `responses` object. */
  key: string;
  label: string;
  required: boolean;
  /** A short hint shown under the field. */
  help?: string;
}

export interface TextField extends FieldBase {
  kind: 'TEXT' | 'LONG_TEXT';
}

export interface ScaleField extends FieldBase {
  kind: 'SCALE';
  min: number;
  max: number;
}

export interface OptionsField extends FieldBase {
  /** CHOICE takes exactly one option; CHECKLIST any number of distinct options. */
  kind: 'CHOICE' | 'CHECKLIST';
  options: string[];
}

export interface DateField extends FieldBase {
  kind: 'DATE';
}

/** What an UPLOAD field takes: a document or picture, or a recorded voice note. */
export const HomeworkUploadKind = { FILE: 'FILE', VOICE_NOTE: 'VOICE_NOTE' } as const;
export type HomeworkUploadKind = (typeof HomeworkUploadKind)[keyof typeof HomeworkUploadKind];

export interface UploadField extends FieldBase {
  kind: 'UPLOAD';
  uploadKind: HomeworkUploadKind;
}

export type HomeworkField = TextField | ScaleField | OptionsField | DateField | UploadField;

export interface HomeworkTemplate {
  key: string;
  title: string;
  instructions: string;
  fields: HomeworkField[];
}

export type PracticeKind = 'SOMATIC' | 'BREATHWORK' | 'THOUGHT_WORK' | 'RELATIONAL';

export interface Practice {
  kind: PracticeKind;
  title: string;
  description: string;
}

export interface CurriculumModule {
  key: string;
  /** Consecutive program weeks (1-based) the module is taught in. */
  weeks: number[];
  title: string;
  summary: string;
  practices: Practice[];
  homeworkTemplateKeys: string[];
}
