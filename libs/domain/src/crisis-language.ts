/**
 * Does a text read like a crisis? A small, documented list of phrases, matched on whole words after
 * normalising (lower case, accents and punctuation removed, curly apostrophes straightened, spaces
 * collapsed). This is NOT a diagnosis and decides nothing about a person: a match only shows the
 * author the platform's crisis resources (CRISIS_RESOURCES) and tells their coach to look, without
 * the text. A miss means nothing either; coaches still read their circle.
 *
 * The phrases are about wanting to die, to harm oneself, or being unable to stay safe. Everyday
 * figures of speech ("this homework is killing me", "I could die of embarrassment") are deliberately
 * not on the list: a flag that fires on every joke teaches coaches to ignore it.
 */
export const CRISIS_PHRASES: readonly string[] = [
  'kill myself',
  'killing myself',
  'end my life',
  'ending my life',
  'take my own life',
  'taking my own life',
  'want to die',
  'wanna die',
  'wish i was dead',
  'wish i were dead',
  'better off dead',
  'better off without me',
  'no reason to live',
  'nothing to live for',
  'dont want to be here anymore',
  'dont want to live',
  'suicide',
  'suicidal',
  'hurt myself',
  'hurting myself',
  'harm myself',
  'harming myself',
  'self harm',
  'cut myself',
  'cutting myself',
  'overdose',
  'cant go on',
  'cant keep myself safe',
  'not safe with myself',
  'end it all',
];

/** Lower case, no accents, straight apostrophes removed ("don't" → "dont"), other punctuation as spaces. */
export function normaliseForCrisisCheck(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const PATTERNS = CRISIS_PHRASES.map((phrase) => new RegExp(`(?:^| )${normaliseForCrisisCheck(phrase)}(?: |$)`));

/** True when the text contains one of CRISIS_PHRASES as whole words. */
export function readsLikeCrisis(text: string): boolean {
  const normal = normaliseForCrisisCheck(text);
  if (!normal) return false;
  return PATTERNS.some((pattern) => pattern.test(normal));
}
