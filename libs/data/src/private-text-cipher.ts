import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface CipherKey {
  id: string;
  key: Buffer;
}

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
/** The full GCM tag. Node's setAuthTag also accepts truncated tags (4 to 16 bytes), which forge far more easily. */
const TAG_BYTES = 16;

/**
 * AES-256-GCM for people's private text: homework answers, coach feedback, application
 * motivations, calendar feed tokens. Stored as `v1:<keyId>:<iv>:<tag>:<ciphertext>` (base64url),
 * with the row's owner bound in as associated data, so a value copied onto another row (or into
 * another column) does not decrypt. The first key encrypts; every listed key decrypts, which is
 * how keys are rotated (HOMEWORK_ENCRYPTION_KEYS). Here in libs/data so that the API and the worker
 * (which builds data exports) share it.
 */
export class PrivateTextCipher {
  private readonly byId: Map<string, Buffer>;

  constructor(private readonly keys: CipherKey[]) {
    if (keys.length === 0) throw new Error('PrivateTextCipher needs at least one key');
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  get currentKeyId(): string {
    return this.keys[0].id;
  }

  /** Any JSON value (answers are objects, feedback and motivations strings). */
  encrypt(value: unknown, associatedData: string): string {
    const { id, key } = this.keys[0];
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(associatedData));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return [VERSION, id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join(':');
  }

  decrypt<T = unknown>(stored: string, associatedData: string): T {
    const [version, keyId, iv, tag, ciphertext] = stored.split(':');
    if (version !== VERSION) throw new Error(`Unknown ciphertext version "${version}"`);
    const key = this.byId.get(keyId);
    if (!key) throw new Error(`No key "${keyId}" is configured to decrypt this value`);
    const ivBytes = Buffer.from(iv ?? '', 'base64url');
    const tagBytes = Buffer.from(tag ?? '', 'base64url');
    if (ivBytes.length !== IV_BYTES) throw new Error(`The IV must be ${IV_BYTES} bytes`);
    if (tagBytes.length !== TAG_BYTES) throw new Error(`The authentication tag must be ${TAG_BYTES} bytes`);
    const decipher = createDecipheriv(ALGORITHM, key, ivBytes, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(associatedData));
    decipher.setAuthTag(tagBytes);
    const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext ?? '', 'base64url')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as T;
  }

  /**
   * Bytes (files attached to homework), stored as `v1:<keyId>\n` then IV, tag and ciphertext, so a
   * 5 MB file stays 5 MB in a bytea column instead of growing by a third as base64 text.
   */
  encryptBytes(data: Buffer, associatedData: string): Buffer {
    const { id, key } = this.keys[0];
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(associatedData));
    const ciphertext = Buffer.concat([cipher.update(data), cipher.final()]);
    return Buffer.concat([Buffer.from(`${VERSION}:${id}\n`), iv, cipher.getAuthTag(), ciphertext]);
  }

  decryptBytes(stored: Buffer, associatedData: string): Buffer {
    const newline = stored.indexOf(0x0a);
    const [version, keyId] = stored.subarray(0, Math.max(newline, 0)).toString('utf8').split(':');
    if (newline < 0 || version !== VERSION) throw new Error('Unknown ciphertext version');
    const key = this.byId.get(keyId);
    if (!key) throw new Error(`No key "${keyId}" is configured to decrypt this value`);
    const iv = stored.subarray(newline + 1, newline + 1 + IV_BYTES);
    const tag = stored.subarray(newline + 1 + IV_BYTES, newline + 1 + IV_BYTES + TAG_BYTES);
    if (tag.length !== TAG_BYTES) throw new Error('The value is too short');
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(associatedData));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(stored.subarray(newline + 1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
  }

  /** Like decrypt, for a nullable column. */
  decryptText(stored: string | null | undefined, associatedData: string): string | null {
    return stored ? this.decrypt<string>(stored, associatedData) : null;
  }

  /** True when the value was written with an older key and should be re-encrypted. */
  needsRotation(stored: string): boolean {
    return stored.split(':')[1] !== this.currentKeyId;
  }
}

/*
 * Associated data per kind of private text: the owner of the row, and which column it is, so a
 * ciphertext moved to another row or another column fails to decrypt.
 */

/** Homework answers (the format predates the other kinds and stays as it was). */
export function responsesAad(submission: { assignmentId: string; clientId: string }): string {
  return `submission:${submission.assignmentId}:${submission.clientId}`;
}

/** Unsent homework answers or feedback, bound to their author and what they are about. */
export function draftAad(draft: { authorId: string; assignmentId: string | null; submissionId: string | null }): string {
  return draft.assignmentId ? `draft-answers:${draft.assignmentId}:${draft.authorId}` : `draft-feedback:${draft.submissionId}:${draft.authorId}`;
}

/** The coach's feedback on one client's answer. */
export function feedbackAad(submission: { assignmentId: string; clientId: string }): string {
  return `submission-feedback:${submission.assignmentId}:${submission.clientId}`;
}

/** An application's motivation, bound to the applicant and the cohort. */
export function motivationAad(enrollment: { cohortId: string; clientId: string }): string {
  return `enrollment-motivation:${enrollment.cohortId}:${enrollment.clientId}`;
}

/** The secret of a user's calendar feed URL. */
export function calendarTokenAad(userId: string): string {
  return `calendar-token:${userId}`;
}

/** A file attached to homework, bound to the upload and the client who made it. */
export function homeworkUploadAad(upload: { id: string; clientId: string }): string {
  return `homework-upload:${upload.id}:${upload.clientId}`;
}

/** A data export's JSON file, bound to the export and its owner. */
export function dataExportAad(exportRow: { id: string; userId: string }): string {
  return `data-export:${exportRow.id}:${exportRow.userId}`;
}

/** The secret of a data export's download link (kept so the owner's settings can show the link). */
export function dataExportTokenAad(exportRow: { id: string; userId: string }): string {
  return `data-export-token:${exportRow.id}:${exportRow.userId}`;
}

/** A user's two-factor (TOTP) secret, bound to the user. */
export function twoFactorSecretAad(userId: string): string {
  return `two-factor-secret:${userId}`;
}

/** A private message's body, bound to the message and its conversation. */
export function messageBodyAad(message: { id: string; conversationId: string }): string {
  return `message-body:${message.id}:${message.conversationId}`;
}

/** A daily check-in's private note, bound to its writer and day (only the writer ever reads it). */
export function checkInNoteAad(checkIn: { clientId: string; localDate: string }): string {
  return `check-in-note:${checkIn.clientId}:${checkIn.localDate}`;
}

/** A community post's body, bound to the post and its cohort. */
export function postBodyAad(post: { id: string; cohortId: string }): string {
  return `post-body:${post.id}:${post.cohortId}`;
}

/** The copy of the answers a client chose to share with their circle, bound to the post and its cohort. */
export function sharedAnswersAad(post: { id: string; cohortId: string }): string {
  return `post-shared-answers:${post.id}:${post.cohortId}`;
}

/** A reply's body, bound to the reply and its post. */
export function replyBodyAad(reply: { id: string; postId: string }): string {
  return `post-reply:${reply.id}:${reply.postId}`;
}
