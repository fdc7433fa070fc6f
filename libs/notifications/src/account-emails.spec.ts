import { renderPasswordResetLink, renderSecurityNotice, renderSignUpAttempt, securityKey } from './account-emails';

describe('account emails', () => {
  it('carries the link in text and HTML, escaped', () => {
    const mail = renderPasswordResetLink({ recipientName: '<Ann>', link: 'https://a.example/reset-password?token=abc&x=1' });
    expect(mail.text).toContain('https://a.example/reset-password?token=abc&x=1');
    expect(mail.html).toContain('href="https://a.example/reset-password?token=abc&amp;x=1"');
    expect(mail.html).toContain('&lt;Ann&gt;');
  });

  it('security notices carry no link', () => {
    for (const event of ['PASSWORD_RESET', 'EMAIL_CHANGE_REQUESTED', 'EMAIL_CHANGED'] as const) {
      const mail = renderSecurityNotice({ recipientName: 'Ann', event, newEmail: 'new@x.test' });
      expect(mail.text).not.toContain('token=');
      expect(mail.subject.length).toBeGreaterThan(0);
    }
    expect(securityKey('PASSWORD_RESET', 't1')).toBe('security:password_reset:t1');
  });

  it('the sign-up attempt notice points to log in and reset', () => {
    const mail = renderSignUpAttempt({ recipientName: 'Ann', loginUrl: 'https://a.example/login', resetUrl: 'https://a.example/forgot-password' });
    expect(mail.text).toContain('https://a.example/login');
    expect(mail.text).toContain('https://a.example/forgot-password');
  });
});
