import { describeApiErrors, fieldProblems, humanizeName, withoutName } from './errors';

describe('API errors in human words', () => {
  it('uses the API’s own sentence for domain errors', () => {
    expect(describeApiErrors([{ message: 'This cohort is full.', extensions: { code: 'CONFLICT' } }])).toBe('This cohort is full.');
  });

  it('never shows internal or GraphQL-validation wording', () => {
    expect(describeApiErrors([{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }])).toMatch(/went wrong on our side/);
    expect(describeApiErrors([{ message: 'Variable "$input" got invalid value 3', extensions: { code: 'BAD_USER_INPUT' } }])).not.toMatch(/\$input/);
    expect(describeApiErrors([{ message: '{"raw":"json"}', extensions: { code: 'FORBIDDEN' } }])).toBe('You do not have access to this.');
  });

  it('summarises several field problems and names a single one', () => {
    const one = [{ message: 'Invalid input', extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'input.email', message: 'Enter a valid email address.' }] } }];
    expect(describeApiErrors(one)).toBe('Enter a valid email address.');
    const two = [{ message: 'Invalid input', extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'a', message: 'x' }, { field: 'b', message: 'y' }] } }];
    expect(describeApiErrors(two)).toMatch(/highlighted fields/);
  });

  it('keys field problems by the form’s own field names', () => {
    const errors = [
      {
        message: 'Some answers need attention',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [
            { field: 'responses.groundedness', message: 'Must be between 1 and 10.' },
            { field: 'responses.location', message: 'Required.' },
            { field: 'responses.location', message: 'A second problem is not shown twice.' },
          ],
        },
      },
    ];
    expect(fieldProblems(errors, 'responses.')).toEqual({ groundedness: 'Must be between 1 and 10.', location: 'Required.' });
  });
});

describe('internal field names never reach people', () => {
  const quiet = [{ message: 'quietHoursStart must be a time as HH:mm', extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'input.quietHoursStart', message: 'quietHoursStart must be a time as HH:mm' }] } }];

  it('drops the name next to the field', () => {
    expect(fieldProblems(quiet, 'input.')).toEqual({ quietHoursStart: 'Must be a time as HH:mm' });
    expect(withoutName('input.name', 'name must contain visible characters')).toBe('Must contain visible characters');
  });

  it('names the field in words in a banner', () => {
    expect(describeApiErrors(quiet)).toBe('Quiet hours start must be a time as HH:mm');
    expect(humanizeName('checkInReminderTime')).toBe('Check in reminder time');
  });

  it('leaves sentences that do not start with the name alone', () => {
    expect(withoutName('input.email', 'Enter a valid email address.')).toBe('Enter a valid email address.');
    expect(withoutName('responses.location', '"location" (When I paused…) must be one of its options.')).toBe('"location" (When I paused…) must be one of its options.');
  });
});

