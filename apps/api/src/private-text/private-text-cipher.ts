// The cipher lives in libs/data, shared with the worker (data exports decrypt answers there).
export { PrivateTextCipher, calendarTokenAad, dataExportAad, dataExportTokenAad, feedbackAad, motivationAad, responsesAad, twoFactorSecretAad } from '@anchored/data';
export type { CipherKey } from '@anchored/data';

/** Nest injection token of the app's PrivateTextCipher. */
export const PRIVATE_TEXT_CIPHER = Symbol('PRIVATE_TEXT_CIPHER');
