import { findTemplate } from './templates';
import type { CurriculumModule, HomeworkTemplate } from './types';

/** A cohort runs six months: 26 program weeks. */
export const PROGRAM_WEEKS = 26;

/**
 * The interdependence program, in teaching order. Modules cover consecutive weeks and together
 * cover weeks 1..PROGRAM_WEEKS exactly once (checked by the unit tests).
 */
export const CURRICULUM: CurriculumModule[] = [
  {
    key: 'codependence-to-interdependence',
    weeks: [1, 2],
    title: 'From codependent thinking to interdependence',
    summary:
      'We map the territory. Codependent thinking is a learned habit of arranging ourselves around other ' +
      "people's reactions; hyper-independence is its mirror image, refusing to need anyone. Interdependence " +
      'is the third way: two whole people who choose to lean on each other. Nothing here is a diagnosis; ' +
      'these are patterns, and patterns can change.',
    practices: [
      {
        kind: 'THOUGHT_WORK',
        title: 'Three columns',
        description: 'List recent moments that felt codependent, fiercely independent, or mutually supportive, without grading them.',
      },
      {
        kind: 'BREATHWORK',
        title: 'Arriving breath',
        description: 'Five slow breaths at the start of each session, with the exhale a little longer than the inhale.',
      },
    ],
    homeworkTemplateKeys: ['relationship-inventory'],
  },
  {
    key: 'emotional-outsourcing',
    weeks: [3, 4],
    title: 'Emotional outsourcing and where it comes from',
    summary:
      'Emotional outsourcing means handing our sense of worth, safety and belonging to someone else to hold. ' +
      'We look at where the habit was learned, often as a clever way to stay connected in childhood, and ' +
      'honour it as a survival strategy before we start to update it.',
    practices: [
      {
        kind: 'THOUGHT_WORK',
        title: 'Whose approval am I waiting for?',
        description: 'When you feel anxious about a decision, write down whose reaction you are predicting and what you hope it will give you.',
      },
      {
        kind: 'SOMATIC',
        title: 'Hand on heart',
        description: 'Rest a hand on your chest and offer yourself the reassurance you were hoping to hear from someone else.',
      },
    ],
    homeworkTemplateKeys: ['where-am-i-located'],
  },
  {
    key: 'where-am-i-located',
    weeks: [5],
    title: 'Where am I located right now?',
    summary:
      'A simple presence check-in becomes the backbone of the program. Several times a day we ask where our ' +
      'attention is living: in our own experience, or in someone else\'s mind, mood or business. Noticing is ' +
      'the skill; coming home to ourselves follows from it.',
    practices: [
      {
        kind: 'SOMATIC',
        title: 'Five senses landing',
        description: 'Name one thing you can see, hear, touch, smell and taste to bring attention back into the room and the body.',
      },
      {
        kind: 'THOUGHT_WORK',
        title: 'My business, their business',
        description: 'Sort a worrying thought into what is yours to act on and what belongs to someone else.',
      },
    ],
    homeworkTemplateKeys: ['where-am-i-located'],
  },
  {
    key: 'healthy-separateness',
    weeks: [6, 7],
    title: 'Healthy separateness and autonomy',
    summary:
      'Closeness works best between two people who each exist on their own. We practise having our own ' +
      'preferences, time and opinions, and letting others have theirs, without reading difference as ' +
      'rejection.',
    practices: [
      {
        kind: 'RELATIONAL',
        title: 'A preference out loud',
        description: 'Once a day, state a small preference (a film, a meal, a time) before checking what others want.',
      },
      {
        kind: 'SOMATIC',
        title: 'Taking up space',
        description: 'Stand with your feet wide and your arms open for a minute and notice what it brings up.',
      },
    ],
    homeworkTemplateKeys: ['where-am-i-located'],
  },
  {
    key: 'boundaries',
    weeks: [8, 9, 10],
    title: 'Boundaries: saying yes, saying no, honouring no',
    summary:
      'A boundary describes what we will do, not what others must do. We practise a clear no, a wholehearted ' +
      'yes, and the harder skill of hearing another person\'s no without taking it as an injury. Discomfort ' +
      'while learning this is expected and survivable.',
    practices: [
      {
        kind: 'RELATIONAL',
        title: 'The pause before yes',
        description: 'When asked for something, say "let me check and get back to you" and decide once your body has settled.',
      },
      {
        kind: 'BREATHWORK',
        title: 'Steady breath for hard moments',
        description: 'Breathe in for four, hold for two, out for six, for a few rounds before and after holding a boundary.',
      },
      {
        kind: 'THOUGHT_WORK',
        title: 'Rewriting the rule',
        description: 'Turn a demand ("you must stop…") into a statement of your own action ("if this happens, I will…").',
      },
    ],
    homeworkTemplateKeys: ['boundary-practice-log'],
  },
  {
    key: 'self-and-co-regulation',
    weeks: [11, 12, 13],
    title: 'Self-regulation and co-regulation',
    summary:
      'Our nervous system moves between settled, revved-up and shut-down states. We learn to recognise each ' +
      'state in the body, to settle ourselves, and to let safe people help us settle, which is a strength and ' +
      'not a dependency.',
    practices: [
      {
        kind: 'BREATHWORK',
        title: 'Long exhale',
        description: 'Let each out-breath last about twice as long as the in-breath for three minutes.',
      },
      {
        kind: 'SOMATIC',
        title: 'Orienting',
        description: 'Let your eyes slowly move around the room, resting on things that feel pleasant or neutral.',
      },
      {
        kind: 'RELATIONAL',
        title: 'Borrowed calm',
        description: 'Spend a few quiet minutes near a steady person or animal and notice your breathing match theirs.',
      },
    ],
    homeworkTemplateKeys: ['body-needs-check'],
  },
  {
    key: 'soft-start-up',
    weeks: [14, 15],
    title: 'The soft start-up',
    summary:
      'Hard conversations go better when they start gently. The script "I feel … because …; I am … to care ' +
      'for myself; I would appreciate …" keeps us responsible for our own feelings while still asking for ' +
      'what we want.',
    practices: [
      {
        kind: 'RELATIONAL',
        title: 'Rehearse with the group',
        description: 'Practise your script aloud in a pair during the session and hear how it lands.',
      },
      {
        kind: 'SOMATIC',
        title: 'Check the body first',
        description: 'Before starting the conversation, notice your state; if you are revved up, settle first.',
      },
    ],
    homeworkTemplateKeys: ['soft-start-up'],
  },
  {
    key: 'dropping-operating-manuals',
    weeks: [16, 17],
    title: 'Acceptance and dropping operating manuals',
    summary:
      'Many of us carry unwritten instructions for how the people we love should behave so that we can feel ' +
      'okay. We bring those manuals into the light, count what they cost, and practise accepting people as ' +
      'they are while still choosing what we will do.',
    practices: [
      {
        kind: 'THOUGHT_WORK',
        title: 'Manual audit',
        description: 'Write the "should" sentences you hold about one person and ask what each is protecting you from.',
      },
      {
        kind: 'BREATHWORK',
        title: 'Releasing breath',
        description: 'On each exhale, silently name one expectation you are willing to loosen today.',
      },
    ],
    homeworkTemplateKeys: ['operating-manual-release'],
  },
  {
    key: 'direct-communication',
    weeks: [18, 19],
    title: 'Direct communication and not taking things personally',
    summary:
      'Hinting, guessing and mind-reading keep relationships foggy. We practise saying what we mean kindly, ' +
      'asking instead of assuming, and remembering that other people\'s reactions mostly describe their inner ' +
      'world, not our value.',
    practices: [
      {
        kind: 'RELATIONAL',
        title: 'Ask, do not assume',
        description: 'When you catch yourself guessing what someone meant, ask them one clarifying question.',
      },
      {
        kind: 'THOUGHT_WORK',
        title: 'Three other explanations',
        description: 'For a reaction that stung, write three reasons for it that have nothing to do with you.',
      },
    ],
    homeworkTemplateKeys: ['soft-start-up'],
  },
  {
    key: 'giving-from-overflow',
    weeks: [20, 21],
    title: 'Giving from overflow instead of obligation',
    summary:
      'Generosity feels different when it comes from a full cup. We notice when giving is driven by guilt, ' +
      'fear or the wish to be needed, and rebuild the habit of refilling ourselves so that what we offer is ' +
      'freely given.',
    practices: [
      {
        kind: 'SOMATIC',
        title: 'The body yes',
        description: 'Before agreeing to help, notice whether your body leans in or braces, and let that inform your answer.',
      },
      {
        kind: 'THOUGHT_WORK',
        title: 'Refill list',
        description: 'List five small things that restore you and schedule two of them this week.',
      },
    ],
    homeworkTemplateKeys: ['giving-from-overflow'],
  },
  {
    key: 'relationship-inventory',
    weeks: [22, 23],
    title: 'Relationship inventory',
    summary:
      'With the tools now in hand, we look honestly at our closest relationships, marking the codependent ' +
      'and the interdependent patterns in each, and choose where to invest, where to set limits and where ' +
      'to repair.',
    practices: [
      {
        kind: 'THOUGHT_WORK',
        title: 'Two lists',
        description: 'For one relationship, write what you give and what you receive, then look at the balance with curiosity.',
      },
      {
        kind: 'RELATIONAL',
        title: 'An appreciation',
        description: 'Tell someone specifically what their support has meant to you.',
      },
    ],
    homeworkTemplateKeys: ['relationship-inventory'],
  },
  {
    key: 'integration-and-graduation',
    weeks: [24, 25, 26],
    title: 'Integration and graduation',
    summary:
      'We gather what has changed over six months, plan how each person will keep practising without the ' +
      'weekly structure, and mark the ending of the group with care, because endings are part of healthy ' +
      'connection too.',
    practices: [
      {
        kind: 'THOUGHT_WORK',
        title: 'Before and after',
        description: 'Compare your first homework with a recent one and name what is different.',
      },
      {
        kind: 'BREATHWORK',
        title: 'Closing circle breath',
        description: 'Breathe together as a group for a minute at the start and end of the final sessions.',
      },
    ],
    homeworkTemplateKeys: ['integration-letter', 'relationship-inventory'],
  },
];

export function findModule(key: string): CurriculumModule | undefined {
  return CURRICULUM.find((module) => module.key === key);
}

/** The module taught in a program week. Throws RangeError outside 1..PROGRAM_WEEKS. */
export function moduleForWeek(week: number): CurriculumModule {
  if (!Number.isInteger(week) || week < 1 || week > PROGRAM_WEEKS) {
    throw new RangeError(`Program week must be an integer from 1 to ${PROGRAM_WEEKS}, got ${week}`);
  }
  const module = CURRICULUM.find((candidate) => candidate.weeks.includes(week));
  if (!module) throw new Error(`No module covers program week ${week}`);
  return module;
}

export function templatesForModule(module: CurriculumModule): HomeworkTemplate[] {
  return module.homeworkTemplateKeys.map((key) => {
    const template = findTemplate(key);
    if (!template) throw new Error(`Module ${module.key} names unknown homework template ${key}`);
    return template;
  });
}
