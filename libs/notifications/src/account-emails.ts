import { composeLetter, type RenderedEmail } from './render';

/*
 * Emails about the account itself: one-time links (sent by the API at once) and security notices
 * (stored as SECURITY notifications and emailed by the worker). They carry names, addresses and
 * links only: never anything a person wrote in the app, and a security notice never a link token.
 */


export function renderPasswordResetLink(input: { recipientName: string; link: string }): RenderedEmail {
  return composeLetter('Choose a new Anchored password', input.recipientName, [
    { text: 'Someone, hopefully you, asked to reset the password of your Anchored account. Follow this link within the next hour to choose a new one:' },
    { label: 'Choose a new password', url: input.link },
    { text: 'The link works once. Choosing a new password logs you out everywhere else.' },
    { text: 'If you did not ask for this, you can ignore this email: your password stays as it is.' },
  ]);
}

export function renderVerifyEmailLink(input: { recipientName: string; link: string }): RenderedEmail {
  return composeLetter('Please confirm your email address', input.recipientName, [
    { text: 'Welcome to Anchored. Please confirm that this address is yours, so that reminders and account emails reach you:' },
    { label: 'Confirm my email address', url: input.link },
    { text: 'The link works once and for the next 24 hours. If you did not create an Anchored account, you can ignore this email.' },
  ]);
}

export function renderEmailChangeLink(input: { recipientName: string; link: string }): RenderedEmail {
  return composeLetter('Confirm your new email address', input.recipientName, [
    { text: 'You asked to use this address for your Anchored account. Nothing changes until you follow this link:' },
    { label: 'Use this email address', url: input.link },
    { text: 'The link works once and for the next 24 hours. If you did not ask for this, you can ignore this email.' },
  ]);
}

export function renderSignUpAttempt(input: { recipientName: string; loginUrl: string; resetUrl: string }): RenderedEmail {
  return composeLetter('Someone tried to sign up with your email address', input.recipientName, [
    { text: 'Someone just tried to create a new Anchored account with this email address. Your address already has an account, so nothing was created.' },
    { text: 'If it was you, you can simply log in, or choose a new password if you forgot it:' },
    { label: 'Log in', url: input.loginUrl },
    { label: 'Forgot your password?', url: input.resetUrl },
    { text: 'If it was not you, there is nothing you need to do.' },
  ]);
}

export type SecurityEvent =
  | 'PASSWORD_RESET'
  | 'PASSWORD_CHANGED'
  | 'EMAIL_CHANGE_REQUESTED'
  | 'EMAIL_CHANGED'
  | 'TWO_FACTOR_ENABLED'
  | 'TWO_FACTOR_DISABLED'
  | 'RECOVERY_CODES_REGENERATED'
  | 'RECOVERY_CODE_USED';

/** A SECURITY notification: what happened to the account, and what to do if it was not the person. */
export function renderSecurityNotice(input: { recipientName: string; event: SecurityEvent; newEmail?: string; recoveryCodesLeft?: number }): RenderedEmail {
  const notYou = { text: 'If this was not you, please reset your password right away and tell the program team.' };
  switch (input.event) {
    case 'PASSWORD_RESET':
      return composeLetter('Your Anchored password was changed', input.recipientName, [
        { text: 'The password of your Anchored account was just reset using a link sent to your email address. Everywhere you were logged in, you have been logged out.' },
        notYou,
      ]);
    case 'PASSWORD_CHANGED':
      return composeLetter('Your Anchored password was changed', input.recipientName, [
        { text: 'The password of your Anchored account was just changed by someone who knew the current one. Every other browser or device where you were logged in has been logged out.' },
        notYou,
      ]);
    case 'EMAIL_CHANGE_REQUESTED':
      return composeLetter('A new email address was requested for your account', input.recipientName, [
        { text: `Someone logged in to your Anchored account asked to change its email address to ${input.newEmail ?? 'a new address'}. Nothing changes until the link sent to that address is followed.` },
        notYou,
      ]);
    case 'EMAIL_CHANGED':
      return composeLetter('Your Anchored email address was changed', input.recipientName, [
        { text: `Your Anchored account now uses ${input.newEmail ?? 'a new email address'}. From now on, emails from us go there.` },
        notYou,
      ]);
    case 'TWO_FACTOR_ENABLED':
      return composeLetter('Two-factor sign-in is now on', input.recipientName, [
        { text: 'Two-factor sign-in was just turned on for your Anchored account: logging in now also asks for a code from your authenticator app. Every other browser or device where you were logged in has been logged out.' },
        { text: 'Keep your recovery codes somewhere safe: each one lets you log in once if you lose your phone.' },
        notYou,
      ]);
    case 'TWO_FACTOR_DISABLED':
      return composeLetter('Two-factor sign-in was turned off', input.recipientName, [
        { text: 'Two-factor sign-in was just turned off for your Anchored account, by someone who knew your password and a current code. Logging in now asks for your password only.' },
        notYou,
      ]);
    case 'RECOVERY_CODES_REGENERATED':
      return composeLetter('New recovery codes for your Anchored account', input.recipientName, [
        { text: 'New recovery codes were just made for your Anchored account. The old ones no longer work.' },
        notYou,
      ]);
    case 'RECOVERY_CODE_USED': {
      const left = input.recoveryCodesLeft ?? 0;
      return composeLetter('A recovery code was used to log in', input.recipientName, [
        { text: `Someone just logged in to your Anchored account with one of your recovery codes. It cannot be used again; ${left === 1 ? 'one code is' : `${left} codes are`} left.` },
        { text: 'If you lost your phone, set up two-factor sign-in again in Settings, and make new recovery codes when few are left.' },
        notYou,
      ]);
    }
  }
}

/** `security:<event>:<tokenId>`: one notice per link that caused it. */
export function securityKey(event: SecurityEvent, tokenId: string): string {
  return `security:${event.toLowerCase()}:${tokenId}`;
}
