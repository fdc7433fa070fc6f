import { localInputToIso } from '../../lib/time';

export interface AssignForm {
  templateKey: string | null;
  title: string;
  instructions: string;
  due: string;
}

export type AssignCheck =
  | { errors: Record<string, string> }
  | { input: { templateKey: string; title: string | null; instructions: string | null; dueAt: string } };

/** The Assign homework form, checked before sending; the due time is read in the coach's timezone. */
export function checkAssign(form: AssignForm, zone: string, now: Date = new Date()): AssignCheck {
  const errors: Record<string, string> = {};
  if (!form.templateKey) errors['templateKey'] = 'Pick a template to assign.';
  const dueAt = form.due ? localInputToIso(form.due, zone) : null;
  if (!form.due) errors['dueAt'] = 'Choose when it is due.';
  else if (!dueAt) errors['dueAt'] = 'Enter a valid date and time.';
  else if (new Date(dueAt).getTime() <= now.getTime()) errors['dueAt'] = 'Choose a time in the future.';
  if (Object.keys(errors).length || !form.templateKey || !dueAt) return { errors };
  return { input: { templateKey: form.templateKey, title: form.title.trim() || null, instructions: form.instructions.trim() || null, dueAt } };
}

/** "2 of 3 submitted" plus the share, for the assigned-homework list. */
export function submissionShare(submitted: number, enrolled: number): { text: string; percent: number } {
  return { text: `${submitted} of ${enrolled} submitted`, percent: enrolled === 0 ? 0 : Math.min(100, Math.round((submitted / enrolled) * 100)) };
}
