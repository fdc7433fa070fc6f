import { chartSummary, scaleCharts, type SubmissionForChart } from './progress-series';

const cohort = { startsOn: '2025-03-03', timezone: 'America/New_York', programWeeks: 26 };
const checkIn = {
  key: 'where-am-i-located',
  title: 'Where am I located?',
  fields: [
    { key: 'location', label: 'Attention', kind: 'CHOICE' },
    { key: 'groundedness', label: 'How settled I felt', kind: 'SCALE', min: 1, max: 10 },
  ],
};
const boundary = {
  key: 'boundary-practice-log',
  title: 'Boundary log',
  fields: [
    { key: 'discomfortBefore', label: 'Before', kind: 'SCALE', min: 0, max: 10 },
    { key: 'discomfortAfter', label: 'After', kind: 'SCALE', min: 0, max: 10 },
  ],
};
const letter = { key: 'integration-letter-text', title: 'Text only', fields: [{ key: 'letter', label: 'Letter', kind: 'LONG_TEXT' }] };

const sub = (submittedAt: string, template: SubmissionForChart['assignment']['template'], responses: Record<string, unknown>): SubmissionForChart => ({
  submittedAt,
  responses,
  assignment: { template, cohort },
});

describe('scaleCharts', () => {
  const submissions = [
    sub('2025-03-20T15:00:00Z', checkIn, { location: 'x', groundedness: 8 }),
    sub('2025-03-05T15:00:00Z', checkIn, { location: 'x', groundedness: 5 }),
    sub('2025-03-12T15:00:00Z', boundary, { discomfortBefore: 9, discomfortAfter: 4 }),
    sub('2025-03-13T15:00:00Z', letter, { letter: 'Dear me' }),
  ];

  it('makes one chart per template with scales, one line per scale, oldest point first, at its program week', () => {
    const charts = scaleCharts(submissions, 'Europe/Berlin');
    expect(charts.map((c) => c.templateKey)).toEqual(['where-am-i-located', 'boundary-practice-log']);
    expect(charts[0].series).toEqual([{ name: 'groundedness', label: 'How settled I felt', min: 1, max: 10 }]);
    expect(charts[0].points.map((p) => [p.x, p['groundedness']])).toEqual([
      ['Week 1', 5],
      ['Week 3', 8],
    ]);
    expect(charts[1].series.map((s) => s.name)).toEqual(['discomfortBefore', 'discomfortAfter']);
    expect(charts[1].points[0]).toMatchObject({ x: 'Week 2', discomfortBefore: 9, discomfortAfter: 4 });
  });

  it('adds the date when two answers fall in the same week, and uses the date outside the program', () => {
    const charts = scaleCharts(
      [
        sub('2025-03-04T15:00:00Z', checkIn, { groundedness: 3 }),
        sub('2025-03-06T15:00:00Z', checkIn, { groundedness: 4 }),
        sub('2025-02-20T15:00:00Z', checkIn, { groundedness: 2 }),
      ],
      'Europe/Berlin',
    );
    expect(charts[0].points.map((p) => p.x)).toEqual(['20 Feb', 'Week 1, 4 Mar', 'Week 1, 6 Mar']);
  });

  it('leaves a gap where a scale was not answered with a number', () => {
    const charts = scaleCharts([sub('2025-03-04T15:00:00Z', checkIn, { groundedness: 'a lot' })], 'UTC');
    expect(charts[0].points[0]['groundedness']).toBeNull();
  });

  it('is empty without scale answers', () => {
    expect(scaleCharts([sub('2025-03-04T15:00:00Z', letter, { letter: 'x' })], 'UTC')).toEqual([]);
  });
});

describe('chartSummary', () => {
  it('names the latest value and the direction since the first', () => {
    const [checkInChart, boundaryChart] = scaleCharts(
      [
        sub('2025-03-05T15:00:00Z', checkIn, { groundedness: 5 }),
        sub('2025-03-20T15:00:00Z', checkIn, { groundedness: 8 }),
        sub('2025-03-12T15:00:00Z', boundary, { discomfortBefore: 9, discomfortAfter: null }),
      ],
      'UTC',
    );
    expect(chartSummary(checkInChart)).toBe('2 answers. How settled I felt: 8 of 10 most recently, up from 5.');
    expect(chartSummary(boundaryChart)).toBe('1 answer. Before: 9 of 10 most recently. After: no answers yet.');
  });
});
