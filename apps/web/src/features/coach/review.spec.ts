import { answersFor, formatAnswer, reviewQueue } from './review';

describe('reviewQueue', () => {
  const assignments = [
    {
      id: 'a1',
      submissions: [
        { id: 's1', status: 'SUBMITTED' as const, submittedAt: '2026-11-30T10:00:00Z' },
        { id: 's2', status: 'REVIEWED' as const, submittedAt: '2026-11-20T10:00:00Z', reviewedAt: '2026-11-21T10:00:00Z' },
      ],
    },
    {
      id: 'a2',
      submissions: [
        { id: 's3', status: 'SUBMITTED' as const, submittedAt: '2026-11-28T10:00:00Z' },
        { id: 's4', status: 'REVIEWED' as const, submittedAt: '2026-11-22T10:00:00Z', reviewedAt: '2026-11-29T10:00:00Z' },
      ],
    },
  ];
  it('lists what awaits review oldest first, across assignments', () => {
    const { waiting } = reviewQueue(assignments);
    expect(waiting.map((i) => i.submission.id)).toEqual(['s3', 's1']);
    expect(waiting[0].assignment.id).toBe('a2');
  });
  it('lists reviewed ones most recently reviewed first', () => {
    expect(reviewQueue(assignments).reviewed.map((i) => i.submission.id)).toEqual(['s4', 's2']);
  });
  it('is empty without submissions', () => {
    expect(reviewQueue([{ id: 'a', submissions: [] }])).toEqual({ waiting: [], reviewed: [] });
  });
});

describe('formatAnswer', () => {
  it('shows a scale with its range', () => {
    expect(formatAnswer({ key: 'g', label: 'G', kind: 'SCALE', min: 1, max: 10 }, 6)).toBe('6 (on a scale of 1 to 10)');
  });
  it('joins checklist items', () => {
    expect(formatAnswer({ key: 'c', label: 'C', kind: 'CHECKLIST' }, ['Breath', 'Walk'])).toBe('Breath, Walk');
  });
  it('keeps text and choices as written, and names a missing answer', () => {
    expect(formatAnswer({ key: 't', label: 'T', kind: 'LONG_TEXT' }, 'Three exhales.')).toBe('Three exhales.');
    expect(formatAnswer({ key: 't', label: 'T', kind: 'CHOICE' }, 'With me')).toBe('With me');
    expect(formatAnswer({ key: 't', label: 'T', kind: 'TEXT' }, '')).toBe('No answer');
    expect(formatAnswer({ key: 't', label: 'T', kind: 'CHECKLIST' }, [])).toBe('No answer');
  });
  it('shows a scale of 0 as an answer', () => {
    expect(formatAnswer({ key: 's', label: 'S', kind: 'SCALE', min: 0, max: 10 }, 0)).toBe('0 (on a scale of 0 to 10)');
  });
});

describe('answersFor', () => {
  it('follows the template order and labels', () => {
    const fields = [
      { key: 'b', label: 'Second', kind: 'TEXT' as const },
      { key: 'a', label: 'First', kind: 'TEXT' as const },
    ];
    expect(answersFor(fields, { a: 'x' }).map((a) => [a.label, a.text, a.answered])).toEqual([
      ['Second', 'No answer', false],
      ['First', 'x', true],
    ]);
  });
});
