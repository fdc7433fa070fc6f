import { autosaveMessage } from './use-autosave';

describe('autosaveMessage', () => {
  const at = new Date('2027-01-05T18:02:00Z');
  const fmt = () => '19:02';

  it('says what happens to the draft, never blaming the person', () => {
    expect(autosaveMessage('pending', null, fmt)).toBe('Saving your draft…');
    expect(autosaveMessage('saving', at, fmt)).toBe('Saving your draft…');
    expect(autosaveMessage('saved', at, fmt)).toBe('Draft saved at 19:02');
    expect(autosaveMessage('error', at, fmt)).toMatch(/still here on this screen/);
  });

  it('names a restored draft, and says nothing when there is none', () => {
    expect(autosaveMessage('idle', at, fmt)).toBe('Draft from 19:02');
    expect(autosaveMessage('idle', null, fmt)).toBe('');
  });
});
