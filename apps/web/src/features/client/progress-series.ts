import { DateTime } from 'luxon';
import { programWeekAt } from '../../lib/program-week';

export interface SubmissionForChart {
  submittedAt: string;
  responses: Record<string, unknown>;
  assignment: {
    template: { key: string; title: string; fields: readonly { key: string; label: string; kind: string; min?: number | null; max?: number | null }[] };
    cohort: { startsOn: string; timezone: string; programWeeks: number };
  };
}

export interface ScaleSeries {
  /** The data key of the line (the field key). */
  name: string;
  label: string;
  min: number;
  max: number;
}

export interface ScalePoint {
  /** The x-axis label: "Week 3", or a date outside the program. */
  x: string;
  week: number | null;
  submittedAt: string;
  [field: string]: number | string | null;
}

export interface ScaleChart {
  templateKey: string;
  title: string;
  series: ScaleSeries[];
  points: ScalePoint[];
}

/**
 * One chart per homework template with SCALE fields, one line per scale field, one point per
 * submission (oldest first), placed at the submission's program week. Points that share a week
 * get their date added so the axis can tell them apart. Scale answers that are not numbers are
 * left as gaps.
 */
export function scaleCharts(submissions: readonly SubmissionForChart[], zone: string): ScaleChart[] {
  const charts = new Map<string, ScaleChart>();
  const sorted = [...submissions].sort((a, b) => DateTime.fromISO(a.submittedAt).toMillis() - DateTime.fromISO(b.submittedAt).toMillis());
  for (const submission of sorted) {
    const { template, cohort } = submission.assignment;
    const scales = template.fields.filter((f) => f.kind === 'SCALE');
    if (scales.length === 0) continue;
    let chart = charts.get(template.key);
    if (!chart) {
      chart = {
        templateKey: template.key,
        title: template.title,
        series: scales.map((f) => ({ name: f.key, label: f.label, min: f.min ?? 0, max: f.max ?? 10 })),
        points: [],
      };
      charts.set(template.key, chart);
    }
    const week = programWeekAt(cohort, submission.submittedAt);
    const date = DateTime.fromISO(submission.submittedAt, { zone: 'utc' }).setZone(zone).toFormat('d LLL');
    const point: ScalePoint = { x: week !== null ? `Week ${week}` : date, week, submittedAt: submission.submittedAt };
    for (const f of scales) {
      const value = submission.responses[f.key];
      point[f.key] = typeof value === 'number' ? value : null;
    }
    chart.points.push(point);
  }
  for (const chart of charts.values()) {
    const counts = new Map<string, number>();
    for (const p of chart.points) counts.set(p.x, (counts.get(p.x) ?? 0) + 1);
    for (const p of chart.points) {
      if ((counts.get(p.x) ?? 0) > 1 && p.week !== null) {
        p.x = `Week ${p.week}, ${DateTime.fromISO(p.submittedAt, { zone: 'utc' }).setZone(zone).toFormat('d LLL')}`;
      }
    }
  }
  return [...charts.values()];
}

/** A sentence that says what the chart shows, for people who cannot see it. */
export function chartSummary(chart: ScaleChart): string {
  const n = chart.points.length;
  const parts = chart.series.map((s) => {
    const values = chart.points.map((p) => p[s.name]).filter((v): v is number => typeof v === 'number');
    if (values.length === 0) return `${s.label}: no answers yet`;
    const first = values[0];
    const last = values[values.length - 1];
    const trend = values.length < 2 ? '' : last > first ? `, up from ${first}` : last < first ? `, down from ${first}` : ', the same as at first';
    return `${s.label}: ${last} of ${s.max} most recently${trend}`;
  });
  return `${n} ${n === 1 ? 'answer' : 'answers'}. ${parts.join('. ')}.`;
}
