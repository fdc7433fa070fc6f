import { notificationKindLabel, notificationLink } from './notification-kinds';

describe('notificationKindLabel', () => {
  it('says what a new coach means for the client, not the enum', () => {
    expect(notificationKindLabel('COACH_ASSIGNED')).toBe('New coach in your cohort');
    expect(notificationKindLabel('FEEDBACK_READY')).toBe('Feedback from your coach');
  });

  it('labels every kind the API has, and still reads a kind it does not know yet', () => {
    for (const kind of [
      'SESSION_REMINDER', 'HOMEWORK_DUE', 'HOMEWORK_OVERDUE', 'FEEDBACK_READY', 'ENROLLMENT_UPDATE', 'COACH_ASSIGNED', 'WEEKLY_SUMMARY',
      'NEW_MESSAGE', 'COMMUNITY_DIGEST', 'POST_REPLY', 'POST_HIDDEN', 'POST_REPORTED', 'CHECK_IN_REMINDER', 'BUDDY_PAIRED', 'DATA_EXPORT_READY', 'SECURITY',
    ]) {
      expect(notificationKindLabel(kind)).not.toMatch(/_|^[A-Z]+$/);
    }
    expect(notificationKindLabel('NEW_MESSAGE')).toBe('Private message');
    expect(notificationKindLabel('SOMETHING_NEW')).toBe('Something new');
  });
});

describe('notificationLink', () => {
  it('leads a client told about a new coach to the list of who read their answers', () => {
    expect(notificationLink('COACH_ASSIGNED', 'CLIENT')).toEqual({ to: '/privacy', label: 'See who has read your answers' });
  });

  it('leads a client to their feedback', () => {
    expect(notificationLink('FEEDBACK_READY', 'CLIENT')?.to).toBe('/history');
  });

  it('offers no client screen to coaches and admins, nor for kinds without one', () => {
    expect(notificationLink('COACH_ASSIGNED', 'COACH')).toBeNull();
    expect(notificationLink('COACH_ASSIGNED', 'ADMIN')).toBeNull();
    expect(notificationLink('SESSION_REMINDER', 'CLIENT')).toBeNull();
  });
});
