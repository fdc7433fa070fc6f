import { readerRole, readKey, readSubject, submissionIndex, type AccessRead } from './access-log';

const read = (over: Partial<AccessRead> = {}): AccessRead => ({
  at: '2025-03-04T18:05:00.000Z',
  subject: 'SUBMISSION',
  subjectId: 'sub-1',
  reader: { id: 'coach-1', name: 'Casey Coach', role: 'COACH' },
  ...over,
});

describe('readerRole', () => {
  it('names the role people know', () => {
    expect(readerRole('COACH')).toBe('Coach');
    expect(readerRole('ADMIN')).toBe('Admin');
    expect(readerRole('CLIENT')).toBe('Client');
    expect(readerRole('SUPERVISOR')).toBe('Supervisor');
  });
});

describe('readSubject', () => {
  const homework = submissionIndex([
    { id: 'sub-1', assignment: { id: 'hw-1', title: 'Soft start-up script' } },
    { id: 'sub-2', assignment: { id: 'hw-2', title: 'A letter to myself' } },
  ]);

  it('names the homework of one of the client’s own answers, with its assignment to link to', () => {
    expect(readSubject(read(), homework)).toEqual({ text: 'Soft start-up script', assignmentId: 'hw-1' });
    expect(readSubject(read({ subjectId: 'sub-2' }), homework)).toEqual({ text: 'A letter to myself', assignmentId: 'hw-2' });
  });

  it('says "a homework answer" when the answer is not in the list, never its id', () => {
    expect(readSubject(read({ subjectId: 'sub-9' }), homework)).toEqual({ text: 'A homework answer' });
  });

  it('describes check-in notes without looking them up', () => {
    expect(readSubject(read({ subject: 'CHECK_IN', subjectId: 'sub-1' }), homework)).toEqual({ text: 'A check-in note' });
  });
});

describe('readKey', () => {
  it('differs by reader, item and time', () => {
    const keys = new Set([read(), read({ subjectId: 'sub-2' }), read({ at: '2025-03-04T19:05:00.000Z' }), read({ reader: { id: 'admin-1', name: 'A', role: 'ADMIN' } })].map(readKey));
    expect(keys.size).toBe(4);
    expect(readKey(read())).toBe(readKey(read()));
  });
});
