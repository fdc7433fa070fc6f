import { CheckIn, ReachOutFacts, ReachOutReason, reachOutReasons } from './reach-out';

const now = new Date('2026-05-01T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
const onTrack: ReachOutFacts = { missing: 0, attendanceRate: 1, missedLastTwoSessions: false };
const checkIns = (...anchoredNewestFirst: number[]): CheckIn[] => anchoredNewestFirst.map((anchored, i) => ({ at: daysAgo(i + 1), anchored }));

describe('reachOutReasons', () => {
  it('gives nothing for a client on track', () => {
    expect(reachOutReasons(onTrack, now)).toEqual([]);
  });

  it('MISSED_LAST_TWO_SESSIONS', () => {
    expect(reachOutReasons({ ...onTrack, missedLastTwoSessions: true }, now)).toEqual([ReachOutReason.MISSED_LAST_TWO_SESSIONS]);
  });

  it('LOW_ATTENDANCE below 60%, not at 60% nor before any session counts', () => {
    expect(reachOutReasons({ ...onTrack, attendanceRate: 0.59 }, now)).toEqual([ReachOutReason.LOW_ATTENDANCE]);
    expect(reachOutReasons({ ...onTrack, attendanceRate: 0.6 }, now)).toEqual([]);
    expect(reachOutReasons({ ...onTrack, attendanceRate: null }, now)).toEqual([]);
  });

  it('MISSING_HOMEWORK from two missing assignments, whichever they are', () => {
    expect(reachOutReasons({ ...onTrack, missing: 2 }, now)).toEqual([ReachOutReason.MISSING_HOMEWORK]);
    expect(reachOutReasons({ ...onTrack, missing: 1 }, now)).toEqual([]);
  });

  it('NO_RECENT_CHECK_IN once the program has run 7 days and the last 7 days have no check-in', () => {
    const facts = (programStartedAt: Date, list: CheckIn[]): ReachOutFacts => ({ ...onTrack, checkIns: { programStartedAt, checkIns: list } });
    expect(reachOutReasons(facts(daysAgo(7), []), now)).toEqual([ReachOutReason.NO_RECENT_CHECK_IN]);
    expect(reachOutReasons(facts(daysAgo(30), [{ at: daysAgo(8), anchored: 7 }]), now)).toEqual([ReachOutReason.NO_RECENT_CHECK_IN]);
    // A check-in exactly 7 days ago still counts; a program 6 days old is too young to judge.
    expect(reachOutReasons(facts(daysAgo(30), [{ at: daysAgo(7), anchored: 7 }]), now)).toEqual([]);
    expect(reachOutReasons(facts(daysAgo(6), []), now)).toEqual([]);
  });

  it('ANCHORED_DROPPING when the last 3 check-ins average at least 3 below the 7 before them', () => {
    const facts = (list: CheckIn[]): ReachOutFacts => ({ ...onTrack, checkIns: { programStartedAt: daysAgo(60), checkIns: list } });
    // Means 4 against 7: a drop of exactly 3.
    expect(reachOutReasons(facts(checkIns(4, 4, 4, 7, 7, 7, 7, 7, 7, 7)), now)).toEqual([ReachOutReason.ANCHORED_DROPPING]);
    // Only the 7 before the last 3 count: an old high score does not.
    expect(reachOutReasons(facts(checkIns(5, 4, 4, 7, 7, 7, 7, 7, 7, 7, 10)), now)).toEqual([]);
    // Fewer than 10 check-ins: not enough to compare.
    expect(reachOutReasons(facts(checkIns(1, 1, 1, 9, 9, 9, 9, 9, 9)), now)).toEqual([]);
  });

  it('never gives a check-in reason without check-in data', () => {
    const reasons = reachOutReasons({ missing: 5, attendanceRate: 0, missedLastTwoSessions: true }, now);
    expect(reasons).toEqual([ReachOutReason.MISSED_LAST_TWO_SESSIONS, ReachOutReason.LOW_ATTENDANCE, ReachOutReason.MISSING_HOMEWORK]);
  });

  it('gives every reason that applies, in the enum order', () => {
    const all = reachOutReasons(
      { missing: 3, attendanceRate: 0.2, missedLastTwoSessions: true, checkIns: { programStartedAt: daysAgo(90), checkIns: checkIns(0, 0, 0, 0, 0, 0, 0, 0, 0, 0).map((c) => ({ ...c, at: new Date(c.at.getTime() - 8 * 86_400_000) })) } },
      now,
    );
    expect(all).toEqual([
      ReachOutReason.MISSED_LAST_TWO_SESSIONS,
      ReachOutReason.LOW_ATTENDANCE,
      ReachOutReason.MISSING_HOMEWORK,
      ReachOutReason.NO_RECENT_CHECK_IN,
    ]);
    expect(Object.values(ReachOutReason)).toEqual(['MISSED_LAST_TWO_SESSIONS', 'LOW_ATTENDANCE', 'MISSING_HOMEWORK', 'NO_RECENT_CHECK_IN', 'ANCHORED_DROPPING']);
  });
});
