import { DomainError, ErrorCode } from './errors';
import { commonMinutes, pairBuddies, PairingClient, wakingArc } from './buddy-pairing';

// A fixed winter day (no DST in Europe or North America) and a summer one.
const WINTER = new Date('2026-01-14T12:00:00Z');
const SUMMER = new Date('2026-07-14T12:00:00Z');

const client = (id: string, timezone: string): PairingClient => ({ id, timezone });
const ids = (result: ReturnType<typeof pairBuddies>): string[][] => result.groups.map((g) => g.memberIds);
const everyoneOnce = (clients: PairingClient[], result: ReturnType<typeof pairBuddies>): void => {
  const paired = result.groups.flatMap((g) => g.memberIds).sort();
  expect(paired).toEqual(clients.map((c) => c.id).sort());
  const sizes = result.groups.map((g) => g.memberIds.length);
  expect(sizes.filter((s) => s === 3)).toHaveLength(clients.length % 2);
  expect(sizes.every((s) => s === 2 || s === 3)).toBe(true);
};

/** Brute force: every partition into pairs (and one trio when odd); the best (overlap, then repeats). */
function bruteForce(clients: PairingClient[], previous: string[][], now: Date): { overlap: number; repeats: number } {
  const arcs = new Map(clients.map((c) => [c.id, wakingArc(c.timezone, now)]));
  const before = new Set(previous.flatMap((g) => g.flatMap((a) => g.filter((b) => b !== a).map((b) => `${a}|${b}`))));
  const score = (group: string[]) => ({
    overlap: commonMinutes(group.map((id) => arcs.get(id)!)),
    repeats: group.flatMap((a, i) => group.slice(i + 1).filter((b) => before.has(`${a}|${b}`))).length,
  });
  let best = { overlap: -1, repeats: 0 };
  const walk = (rest: string[], acc: { overlap: number; repeats: number }, trioUsed: boolean): void => {
    if (rest.length === 0) {
      if (acc.overlap > best.overlap || (acc.overlap === best.overlap && acc.repeats < best.repeats)) best = acc;
      return;
    }
    const [first, ...others] = rest;
    for (let i = 0; i < others.length; i++) {
      const pair = [first, others[i]];
      const remaining = others.filter((_, k) => k !== i);
      if (remaining.length !== 1) {
        const s = score(pair);
        walk(remaining, { overlap: acc.overlap + s.overlap, repeats: acc.repeats + s.repeats }, trioUsed);
      }
      if (!trioUsed && clients.length % 2 === 1) {
        for (let j = i + 1; j < others.length; j++) {
          const trio = [first, others[i], others[j]];
          const s = score(trio);
          walk(others.filter((_, k) => k !== i && k !== j), { overlap: acc.overlap + s.overlap, repeats: acc.repeats + s.repeats }, true);
        }
      }
    }
  };
  walk(clients.map((c) => c.id), { overlap: 0, repeats: 0 }, false);
  return best;
}

/** A small deterministic random generator, so the "random" cohorts are the same on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const ZONES = [
  'Europe/Berlin', 'Europe/London', 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo',
  'Asia/Kolkata', 'Australia/Sydney', 'Pacific/Auckland', 'America/Sao_Paulo', 'Asia/Kathmandu', 'UTC',
];

describe('wakingArc and commonMinutes', () => {
  it('places 08:00-22:00 local on the UTC clock with the offset of that day (DST)', () => {
    expect(wakingArc('Europe/Berlin', WINTER)).toEqual({ start: 7 * 60, length: 14 * 60 });
    expect(wakingArc('Europe/Berlin', SUMMER)).toEqual({ start: 6 * 60, length: 14 * 60 });
    expect(wakingArc('Asia/Kathmandu', WINTER)).toEqual({ start: 2 * 60 + 15, length: 14 * 60 });
    expect(wakingArc('America/Los_Angeles', WINTER)).toEqual({ start: 16 * 60, length: 14 * 60 });
  });

  it('counts a shared window that wraps around UTC midnight, and both ends of zones 12 hours apart', () => {
    const berlin = wakingArc('Europe/Berlin', WINTER); // 07:00-21:00 UTC
    const la = wakingArc('America/Los_Angeles', WINTER); // 16:00-06:00 UTC
    expect(commonMinutes([berlin, la])).toBe(5 * 60);
    const twelveApart = [{ start: 0, length: 840 }, { start: 720, length: 840 }];
    expect(commonMinutes(twelveApart)).toBe(4 * 60); // 2 h at each end of the day
  });

  it('refuses an unknown timezone', () => {
    expect(() => wakingArc('Mars/Olympus', WINTER)).toThrow(DomainError);
  });
});

describe('pairBuddies', () => {
  it('refuses fewer than two clients with a typed error', () => {
    for (const clients of [[], [client('a', 'UTC')]]) {
      try {
        pairBuddies(clients, [], WINTER);
        throw new Error('should have failed');
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).code).toBe(ErrorCode.BAD_USER_INPUT);
      }
    }
  });

  it('pairs two clients, even when they repeat the last pairing (there is no one else)', () => {
    const result = pairBuddies([client('b', 'UTC'), client('a', 'Asia/Tokyo')], [['a', 'b']], WINTER);
    expect(ids(result)).toEqual([['a', 'b']]);
    expect(result.groups[0]).toMatchObject({ overlapMinutes: 5 * 60, repeatsPrevious: true });
    expect(result.repeatedPairs).toBe(1);
  });

  it('makes one trio of three clients, with the minutes all three share', () => {
    const clients = [client('a', 'Europe/Berlin'), client('b', 'Europe/London'), client('c', 'America/New_York')];
    const result = pairBuddies(clients, [], WINTER);
    expect(ids(result)).toEqual([['a', 'b', 'c']]);
    // Berlin 07-21 UTC, London 08-22, New York 13-03: all three 13:00-21:00 UTC.
    expect(result.groups[0].overlapMinutes).toBe(8 * 60);
  });

  it('pairs five clients into a pair and a trio, the far zone with its neighbour', () => {
    const clients = [
      client('a', 'Europe/Berlin'), client('b', 'Asia/Tokyo'), client('c', 'Europe/Paris'),
      client('d', 'Asia/Seoul'), client('e', 'Europe/Rome'),
    ];
    const result = pairBuddies(clients, [], WINTER);
    everyoneOnce(clients, result);
    expect(ids(result)).toEqual([['a', 'c', 'e'], ['b', 'd']]);
    expect(result.totalOverlapMinutes).toBe(28 * 60);
  });

  it('pairs everyone in one zone by avoiding the last pairing, ties broken by id', () => {
    const clients = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => client(id, 'Europe/Berlin'));
    const first = pairBuddies(clients, [], WINTER);
    expect(ids(first)).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f']]);
    const second = pairBuddies(clients, ids(first), WINTER);
    expect(second.repeatedPairs).toBe(0);
    expect(ids(second)).toEqual([['a', 'e'], ['b', 'd'], ['c', 'f']]);
    // The same input gives the same answer, whatever order the clients come in.
    expect(ids(pairBuddies([...clients].reverse(), ids(first), WINTER))).toEqual(ids(second));
  });

  it('still pairs zones 12 hours apart; the overlap is small but not zero', () => {
    const clients = [client('a', 'Europe/London'), client('b', 'Pacific/Auckland')]; // +0 and +13 in January
    const result = pairBuddies(clients, [], WINTER);
    expect(ids(result)).toEqual([['a', 'b']]);
    // Auckland's 08:00-22:00 is 19:00-09:00 UTC: London shares 08:00-09:00 and 19:00-22:00.
    expect(result.groups[0].overlapMinutes).toBe(4 * 60);
    const twelve = pairBuddies([client('x', 'Etc/GMT+6'), client('y', 'Etc/GMT-6')], [], WINTER);
    expect(twelve.groups[0].overlapMinutes).toBe(4 * 60);
  });

  it('avoids the last pairing when an alternative with as much overlap exists, but not at the cost of overlap', () => {
    const clients = [client('a', 'Europe/Berlin'), client('b', 'Europe/Berlin'), client('c', 'Asia/Tokyo'), client('d', 'Asia/Tokyo')];
    // a-b and c-d were buddies; both alternatives (a-c/b-d, a-d/b-c) lose overlap, so the pairing stays.
    expect(ids(pairBuddies(clients, [['a', 'b'], ['c', 'd']], WINTER))).toEqual([['a', 'b'], ['c', 'd']]);
    const four = ['a', 'b', 'c', 'd'].map((id) => client(id, 'Asia/Tokyo'));
    const result = pairBuddies(four, [['a', 'b'], ['c', 'd']], WINTER);
    expect(result.repeatedPairs).toBe(0);
    expect(ids(result)).toEqual([['a', 'c'], ['b', 'd']]);
    // A former trio counts too: none of its three pairs come back.
    const seven = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => client(id, 'UTC'));
    expect(pairBuddies(seven, [['a', 'b', 'c'], ['d', 'e'], ['f', 'g']], WINTER).repeatedPairs).toBe(0);
    // Five after a trio and a pair cannot avoid every repeat: the new trio holds two old buddies.
    const five = ['a', 'b', 'c', 'd', 'e'].map((id) => client(id, 'UTC'));
    expect(pairBuddies(five, [['a', 'b', 'c'], ['d', 'e']], WINTER).repeatedPairs).toBe(1);
  });

  it('uses the offsets of the reference date: New York and London share more in the DST gap of March', () => {
    const clients = [client('a', 'America/New_York'), client('b', 'Europe/London')];
    // 2026-03-10: New York already on EDT (-4), London still on GMT (+0): 4 h apart, not 5.
    expect(pairBuddies(clients, [], new Date('2026-03-10T12:00:00Z')).groups[0].overlapMinutes).toBe(10 * 60);
    expect(pairBuddies(clients, [], WINTER).groups[0].overlapMinutes).toBe(9 * 60);
    // The day the clocks change, the local day is 13 hours long between 08:00 and 22:00... no: the
    // change is at 02:00, before waking hours, so the window keeps its 14 hours.
    expect(wakingArc('America/New_York', new Date('2026-03-08T15:00:00Z')).length).toBe(14 * 60);
  });

  it('pairs 20 clients across the world in a few milliseconds, every client once', () => {
    const random = seeded(20);
    const clients = Array.from({ length: 20 }, (_, i) => client(`c${String(i).padStart(2, '0')}`, ZONES[Math.floor(random() * ZONES.length)]));
    const previous = pairBuddies(clients, [], WINTER);
    const started = performance.now();
    const result = pairBuddies(clients, ids(previous), WINTER);
    const took = performance.now() - started;
    everyoneOnce(clients, result);
    expect(result.groups).toHaveLength(10);
    expect(took).toBeLessThan(250); // a few ms when the machine is quiet (npm run bench); generous for a busy CI machine
    expect(pairBuddies(clients, ids(previous), WINTER)).toEqual(result);
  });

  it('makes one trio for 21 clients', () => {
    const random = seeded(21);
    const clients = Array.from({ length: 21 }, (_, i) => client(`c${String(i).padStart(2, '0')}`, ZONES[Math.floor(random() * ZONES.length)]));
    everyoneOnce(clients, pairBuddies(clients, [], WINTER));
  });

  it('is at or near the brute-force optimum (overlap, then repeats) on 300 random small cohorts', () => {
    const random = seeded(7);
    let optimal = 0;
    for (let run = 0; run < 300; run++) {
      const size = 2 + Math.floor(random() * 8); // 2 to 9 clients
      const clients = Array.from({ length: size }, (_, i) => client(`p${i}`, ZONES[Math.floor(random() * 6)]));
      const shuffled = [...clients].sort(() => random() - 0.5);
      const previous: string[][] = [];
      for (let i = 0; i + 1 < shuffled.length; i += 2) previous.push([shuffled[i].id, shuffled[i + 1].id]);
      const result = pairBuddies(clients, previous, WINTER);
      everyoneOnce(clients, result);
      const best = bruteForce(clients, previous, WINTER);
      expect(result.totalOverlapMinutes).toBeGreaterThanOrEqual(best.overlap - 120);
      if (result.totalOverlapMinutes === best.overlap && result.repeatedPairs === best.repeats) optimal++;
    }
    expect(optimal).toBeGreaterThanOrEqual(294);
  });
});
