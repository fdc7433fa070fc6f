import { isLocalTime, minutesOfDay } from './time-of-day';

describe('isLocalTime', () => {
  it('accepts 00:00 to 23:59 written HH:mm, nothing else', () => {
    for (const ok of ['00:00', '07:05', '19:00', '23:59']) expect(isLocalTime(ok)).toBe(true);
    for (const bad of ['24:00', '7:05', '19:60', '19:00:00', ' 19:00', '', null, 1900]) expect(isLocalTime(bad)).toBe(false);
  });
});

describe('minutesOfDay', () => {
  it('counts minutes after midnight, or null for a bad time', () => {
    expect(minutesOfDay('00:00')).toBe(0);
    expect(minutesOfDay('22:30')).toBe(1350);
    expect(minutesOfDay('25:00')).toBeNull();
  });
});
