import { checkAssign, submissionShare } from './homework';

const now = new Date('2026-12-01T19:00:00Z');

describe('checkAssign', () => {
  it('reads the due time in the coach timezone and drops empty optional fields', () => {
    expect(checkAssign({ templateKey: 'soft-start-up', title: '  ', instructions: ' Try it twice. ', due: '2026-12-08T18:00' }, 'America/New_York', now)).toEqual({
      input: { templateKey: 'soft-start-up', title: null, instructions: 'Try it twice.', dueAt: '2026-12-08T23:00:00Z' },
    });
  });
  it('needs a template and a due time', () => {
    expect(checkAssign({ templateKey: null, title: '', instructions: '', due: '' }, 'UTC', now)).toEqual({
      errors: { templateKey: 'Pick a template to assign.', dueAt: 'Choose when it is due.' },
    });
  });
  it('refuses a due time in the past', () => {
    const result = checkAssign({ templateKey: 'x', title: '', instructions: '', due: '2026-12-01T13:00' }, 'America/New_York', now);
    expect(result).toEqual({ errors: { dueAt: 'Choose a time in the future.' } });
  });
});

describe('submissionShare', () => {
  it('counts out of the enrolled clients', () => {
    expect(submissionShare(2, 3)).toEqual({ text: '2 of 3 submitted', percent: 67 });
    expect(submissionShare(0, 0)).toEqual({ text: '0 of 0 submitted', percent: 0 });
  });
});
