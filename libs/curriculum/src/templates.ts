import type { HomeworkTemplate } from './types';

/**
 * The structured homework forms a coach can assign. Keys are stable identifiers stored on
 * assignments: never rename one, add a new template instead.
 */
export const HOMEWORK_TEMPLATES: HomeworkTemplate[] = [
  {
    key: 'where-am-i-located',
    title: 'Where am I located right now?',
    instructions:
      'Pause a few times a day and notice where your attention lives: with you, or with someone else. ' +
      'Write down one of those pauses here, without judging what you find.',
    fields: [
      {
        key: 'location',
        label: 'When I paused, my attention was…',
        kind: 'CHOICE',
        required: true,
        options: [
          'With me: my body, my feelings, my choices',
          "With someone else: their mood, their opinion, their needs",
          'In the past, replaying something',
          'In the future, bracing for something',
          'I could not tell yet',
        ],
      },
      {
        key: 'bodySignals',
        label: 'What I noticed in my body',
        kind: 'TEXT',
        required: false,
        help: 'Breath, jaw, shoulders, belly, temperature: whatever is there.',
      },
      { key: 'groundedness', label: 'How settled I felt afterwards', kind: 'SCALE', required: true, min: 1, max: 10 },
      {
        key: 'returnPractice',
        label: 'What helped me come back to myself',
        kind: 'LONG_TEXT',
        required: true,
      },
    ],
  },
  {
    key: 'soft-start-up',
    title: 'Soft start-up script',
    instructions:
      'Prepare one conversation you have been avoiding. Say what is alive in you and what you would like, ' +
      'instead of opening with blame. Fill in the script first, then note how it went if you used it.',
    fields: [
      { key: 'situation', label: 'The situation, in neutral words', kind: 'LONG_TEXT', required: true },
      { key: 'feeling', label: 'I feel…', kind: 'TEXT', required: true, help: 'One or two feeling words, not a story about them.' },
      { key: 'because', label: '…because…', kind: 'TEXT', required: true },
      {
        key: 'selfCare',
        label: 'I am … to care for myself',
        kind: 'TEXT',
        required: true,
        help: 'What you are already doing for yourself, so the request is not your only plan.',
      },
      { key: 'request', label: 'I would appreciate…', kind: 'TEXT', required: true, help: 'Something specific and doable.' },
      { key: 'outcome', label: 'How it went, if you said it', kind: 'LONG_TEXT', required: false },
    ],
  },
  {
    key: 'boundary-practice-log',
    title: 'Boundary practice log',
    instructions:
      'Record one moment this week when you held, stated or respected a boundary. Small moments count: ' +
      'the aim is practice, not perfection.',
    fields: [
      { key: 'situation', label: 'What was happening', kind: 'LONG_TEXT', required: true },
      {
        key: 'boundaryType',
        label: 'The kind of boundary',
        kind: 'CHOICE',
        required: true,
        options: [
          'I said no',
          'I said yes because I wanted to',
          'I asked for space or time',
          "I heard someone else's no and let it stand",
          'I changed what I do, without asking anyone else to change',
        ],
      },
      { key: 'discomfortBefore', label: 'Discomfort before (0 = none, 10 = overwhelming)', kind: 'SCALE', required: true, min: 0, max: 10 },
      { key: 'discomfortAfter', label: 'Discomfort afterwards', kind: 'SCALE', required: true, min: 0, max: 10 },
      { key: 'whatHappened', label: 'What happened next, inside me and between us', kind: 'LONG_TEXT', required: true },
      { key: 'selfSupport', label: 'How I supported myself through it', kind: 'TEXT', required: false },
    ],
  },
  {
    key: 'body-needs-check',
    title: 'Nervous system and body needs check',
    instructions:
      'Once a day, name the state your nervous system is in and try one practice that helps you settle. ' +
      'Log the day that taught you the most.',
    fields: [
      {
        key: 'nervousSystemState',
        label: 'The state I noticed',
        kind: 'CHOICE',
        required: true,
        options: [
          'Settled: calm, curious, connected',
          'Revved up: anxious, restless, irritable',
          'Shut down: numb, heavy, foggy',
          'Moving between states',
        ],
      },
      { key: 'breathworkMinutes', label: 'Minutes of breath practice today', kind: 'SCALE', required: true, min: 0, max: 60 },
      {
        key: 'practicesTried',
        label: 'Practices I tried',
        kind: 'CHECKLIST',
        required: false,
        options: [
          'Breathing with a longer exhale',
          'Feeling my feet on the floor',
          'A hand on my chest or belly',
          'Gentle movement or shaking out',
          'Humming or sighing out loud',
          'Time with someone who feels safe',
        ],
      },
      { key: 'needs', label: 'What my body was asking for', kind: 'LONG_TEXT', required: true },
      {
        key: 'coRegulation',
        label: 'A moment of co-regulation',
        kind: 'TEXT',
        required: false,
        help: 'A time when being near someone steady helped you settle, or you helped someone else.',
      },
    ],
  },
  {
    key: 'operating-manual-release',
    title: 'Letting go of an operating manual',
    instructions:
      'Pick one person you hold quiet rules for: how they should act so that you can feel okay. ' +
      'Write the rules down, notice what they cost, and imagine letting that person be who they are.',
    fields: [
      { key: 'relationship', label: 'The relationship (a role, not a name)', kind: 'TEXT', required: true, help: 'For example "my sister" or "a colleague".' },
      { key: 'rules', label: 'The rules I have written for them', kind: 'LONG_TEXT', required: true },
      { key: 'cost', label: 'What keeping these rules costs me', kind: 'LONG_TEXT', required: true },
      { key: 'acceptance', label: 'What I would do for myself if they never changed', kind: 'LONG_TEXT', required: true },
      { key: 'willingness', label: 'How willing I am to put one rule down this week', kind: 'SCALE', required: true, min: 1, max: 10 },
    ],
  },
  {
    key: 'giving-from-overflow',
    title: 'Giving from overflow',
    instructions:
      'Notice one thing you gave this week (time, money, attention, help) and where the giving came from. ' +
      'Giving that leaves you depleted or resentful is information, not a failure.',
    fields: [
      { key: 'gift', label: 'What I gave', kind: 'TEXT', required: true },
      {
        key: 'source',
        label: 'Where it came from',
        kind: 'CHOICE',
        required: true,
        options: [
          'Overflow: I wanted to and had enough',
          'Obligation: I felt I had to',
          'Fear: I worried what would happen if I did not',
          'Approval: I wanted to be seen as good',
          'I am not sure yet',
        ],
      },
      { key: 'energyAfter', label: 'My energy afterwards', kind: 'SCALE', required: true, min: 1, max: 10 },
      { key: 'resentment', label: 'Resentment afterwards (0 = none)', kind: 'SCALE', required: true, min: 0, max: 10 },
      { key: 'reflection', label: 'What I would do differently, if anything', kind: 'LONG_TEXT', required: false },
    ],
  },
  {
    key: 'relationship-inventory',
    title: 'Relationship inventory',
    instructions:
      'Take stock of one important relationship. Tick the patterns you recognise on both lists; most ' +
      'relationships hold some of each. Then choose one small step towards mutual support.',
    fields: [
      { key: 'relationship', label: 'The relationship (a role, not a name)', kind: 'TEXT', required: true },
      {
        key: 'codependentMarkers',
        label: 'Codependent patterns I notice',
        kind: 'CHECKLIST',
        required: false,
        options: [
          'I try to manage their moods',
          'I say yes when I mean no',
          'My sense of worth rises and falls with their approval',
          'I stay quiet to keep the peace',
          'I feel responsible for their choices',
          'I lose track of what I need',
        ],
      },
      {
        key: 'interdependentMarkers',
        label: 'Interdependent patterns I notice',
        kind: 'CHECKLIST',
        required: false,
        options: [
          'Either of us can say no without punishment',
          'I ask directly for what I need',
          'We lean on each other and keep our own lives',
          'We can disagree and stay connected',
          'I let them have their feelings without fixing them',
        ],
      },
      { key: 'mutuality', label: 'How mutual the support feels', kind: 'SCALE', required: true, min: 1, max: 5 },
      { key: 'nextStep', label: 'One step towards interdependence', kind: 'LONG_TEXT', required: true },
    ],
  },
  {
    key: 'integration-letter',
    title: 'Integration letter',
    instructions:
      'Write to the person you were when the cohort began. Tell them what you practised, what changed, ' +
      'and which tools you will keep using after graduation.',
    fields: [
      { key: 'letter', label: 'My letter', kind: 'LONG_TEXT', required: true },
      {
        key: 'toolsToKeep',
        label: 'Tools I will keep using',
        kind: 'CHECKLIST',
        required: true,
        options: [
          'The "where am I located?" check-in',
          'Boundaries',
          'Breath and body practices',
          'The soft start-up',
          'Letting go of operating manuals',
          'Giving from overflow',
          'Relationship inventories',
        ],
      },
      { key: 'confidence', label: 'How ready I feel to keep practising on my own', kind: 'SCALE', required: true, min: 1, max: 10 },
    ],
  },
];

export function findTemplate(key: string): HomeworkTemplate | undefined {
  return HOMEWORK_TEMPLATES.find((template) => template.key === key);
}
