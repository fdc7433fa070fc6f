import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface CipherKey {
  id: string;
  key: Buffer;
}

const VERSION = 'v1';

/**
 * AES-256-GCM for homework answers. Stored as `v1:<keyId>:<iv>:<tag>:<ciphertext>` (base64url), with
 * the submission's owner bound in as associated data, so a row copied onto another submission does
 * not decrypt. The first key encrypts; every listed key decrypts, which is how keys are rotated.
 */
export class ResponseCipher {
  private readonly byId: Map<string, Buffer>;

  constructor(private readonly keys: CipherKey[]) {
    if (keys.length === 0) throw new Error('ResponseCipher needs at least one key');
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  get currentKeyId(): string {
    return this.keys[0].id;
  }

  encrypt(value: unknown, associatedData: string): string {
    const { id, key } = this.keys[0];
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(associatedData));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return [VERSION, id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join(':');
  }

  decrypt<T = unknown>(stored: string, associatedData: string): T {
    const [version, keyId, iv, tag, ciphertext] = stored.split(':');
    if (version !== VERSION) throw new Error(`Unknown ciphertext version "${version}"`);
    const key = this.byId.get(keyId);
    if (!key) throw new Error(`No key "${keyId}" is configured to decrypt this answer`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(associatedData));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as T;
  }

  /** True when the value was written with an older key and should be re-encrypted. */
  needsRotation(stored: string): boolean {
    return stored.split(':')[1] !== this.currentKeyId;
  }
}
