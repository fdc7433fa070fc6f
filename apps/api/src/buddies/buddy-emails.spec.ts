import { renderBuddyPaired } from './buddy-emails';

describe('renderBuddyPaired', () => {
  it('names the buddy and links to the card, in text and escaped HTML', () => {
    const mail = renderBuddyPaired({ recipientName: 'Ana', cohortName: 'Spring <Circle>', buddyNames: ['Ben'], url: 'https://app.example/cohorts/1/buddy' });
    expect(mail.subject).toBe('Your buddy in Spring <Circle>: Ben');
    expect(mail.text).toContain('your buddy is Ben.');
    expect(mail.text).toContain('See your buddy: https://app.example/cohorts/1/buddy');
    expect(mail.html).toContain('Spring &lt;Circle&gt;');
    expect(mail.html).not.toContain('<Circle>');
    expect(mail.html).toContain('href="https://app.example/cohorts/1/buddy"');
  });

  it('names both buddies of a trio', () => {
    const mail = renderBuddyPaired({ recipientName: 'Ana', cohortName: 'Circle', buddyNames: ['Ben', 'Cleo'], url: 'https://x' });
    expect(mail.subject).toBe('Your buddy in Circle: Ben and Cleo');
    expect(mail.text).toContain('your buddy group is you and Ben and Cleo.');
  });
});
