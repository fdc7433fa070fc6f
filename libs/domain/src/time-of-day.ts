/** A wall-clock time of day written HH:mm (00:00 … 23:59), as used for series, quiet hours and settings. */
export const LOCAL_TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isLocalTime(value: unknown): value is string {
  return typeof value === 'string' && LOCAL_TIME_PATTERN.test(value);
}

/** Minutes after midnight of an HH:mm time, or null when it is not one. */
export function minutesOfDay(value: string): number | null {
  const match = LOCAL_TIME_PATTERN.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}
