/** The same iCal feed as a `webcal://` address, which calendar apps open as a subscription. */
export function webcalUrl(httpUrl: string): string {
  return httpUrl.replace(/^https?:\/\//i, 'webcal://');
}

interface SessionLike {
  startsAt: string;
  durationMinutes: number;
  status: 'SCHEDULED' | 'COMPLETED' | 'CANCELLED';
}

/** The session happening now or next (cancelled ones skipped); null when none is planned. */
export function nextSession<T extends SessionLike>(sessions: readonly T[], now: Date = new Date()): T | null {
  const upcoming = sessions
    .filter((s) => s.status === 'SCHEDULED' && new Date(s.startsAt).getTime() + s.durationMinutes * 60_000 > now.getTime())
    .sort((a, b) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime());
  return upcoming[0] ?? null;
}
