import { CURRICULUM, moduleForWeek } from './program';
import { curriculumWeekOf } from './program-week';

/**
 * The circle's weekly discussion prompts, one or more per module of the curriculum, written for
 * Anchored (not taken from any other material). The worker posts the prompt of a program week to
 * each ACTIVE cohort's community feed when that week starts in the cohort's timezone
 * (docs/community.md). A module that spans several weeks uses its prompts in turn.
 */
export const WEEKLY_PROMPTS: Record<string, readonly string[]> = {
  'codependence-to-interdependence': [
    'Think of a relationship where you lean on someone and they lean on you, and it feels good on both sides. What makes it work? Share one small thing, no names needed.',
    'Where do you catch yourself arranging your day around how someone else might react? What would it look like to notice it this week without changing anything yet?',
  ],
  'emotional-outsourcing': [
    'Whose mood do you check before you know how you feel yourself? Tell the circle about a moment this week when you noticed it.',
    'What is one way you gave your own feelings a place to land this week, before handing them to someone else to fix?',
  ],
  'where-am-i-located': [
    'Right now, are you with yourself, with someone else, in the past or in the future? What helped you notice, and what brought you back?',
  ],
  'healthy-separateness': [
    'Share a preference you said out loud this week, however small (a film, a meal, a time to meet). How did your body feel before and after?',
    'Where in your life do you want a little more room of your own? What is one step toward it that would not cost anyone you love?',
  ],
  boundaries: [
    'Tell us about a pause before a yes this week. What did you find out in that pause?',
    'Saying no is one half; hearing no is the other. When did someone say no to you lately, and what did you do with it?',
    'Which old rule about being "a good person" is getting in the way of a boundary you need? How might you rewrite it in your own words?',
  ],
  'self-and-co-regulation': [
    'What settles you when you are stirred up, on your own? A breath, a walk, a sound? Share it so others can borrow it.',
    'Who (or what) helps you feel calmer just by being near? How do you let that in without making it their job?',
    'Describe a moment this week when you came back to steady ground. What was the first sign you were getting there?',
  ],
  'soft-start-up': [
    'Write a gentle opening line for a conversation you have been putting off. The circle can help you soften it further.',
    'When you raised something this week, how did you start? What would you keep, and what would you try differently?',
  ],
  'dropping-operating-manuals': [
    'What is one unwritten rule you expect someone close to follow? What happens in you when you imagine letting it go?',
    'Share a moment this week when you accepted someone as they are instead of as you wished they were. What did it cost, and what did it give you?',
  ],
  'direct-communication': [
    'Tell the circle about a time you asked instead of assumed. What did you learn that you would not have guessed?',
    'Something someone said landed hard this week. Can you find three explanations for it that are not about you?',
  ],
  'giving-from-overflow': [
    'Think of something you gave this week. Did it come from fullness or from obligation? How could you tell?',
    'What fills you back up? Share one item from your refill list.',
  ],
  'relationship-inventory': [
    'Looking at your relationships as they are today, which one has grown most since we began? What changed in you?',
    'Is there an appreciation you have not said yet? Write it here first, then decide whether to send it.',
  ],
  'integration-and-graduation': [
    'What do you want to carry with you after the program ends? Name one practice and one insight.',
    'How would you describe interdependence now, in your own words, to someone who has never heard of it?',
    'As we close, what do you want to say to this circle?',
  ],
};

/** The prompt posted in a program week: the module taught that week, its prompts in turn. */
export function weeklyPromptFor(programWeek: number): { moduleKey: string; moduleTitle: string; text: string } {
  const week = curriculumWeekOf(programWeek);
  const module = moduleForWeek(week);
  const prompts = WEEKLY_PROMPTS[module.key] ?? [];
  if (prompts.length === 0) throw new Error(`No weekly prompt for the module "${module.key}"`);
  const index = Math.max(0, module.weeks.indexOf(week)) % prompts.length;
  return { moduleKey: module.key, moduleTitle: module.title, text: prompts[index] };
}

/** Every module has at least one prompt (checked by the unit test). */
export const MODULES_WITHOUT_PROMPTS = (): string[] => CURRICULUM.filter((m) => !(WEEKLY_PROMPTS[m.key]?.length)).map((m) => m.key);
