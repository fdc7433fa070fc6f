/** "Week 3" or "Weeks 3–5". */
export function weeksLabel(weeks: readonly number[]): string {
  if (weeks.length === 0) return '';
  const first = Math.min(...weeks);
  const last = Math.max(...weeks);
  return first === last ? `Week ${first}` : `Weeks ${first}–${last}`;
}
