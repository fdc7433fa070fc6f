/**
 * Files clients attach to homework (an UPLOAD field): what is allowed, and how big. The server
 * decides the type from the first bytes of the file, never from what the browser declared alone:
 * a declared type that the bytes do not bear out is refused.
 */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export type UploadCategory = 'FILE' | 'VOICE_NOTE';

export const ALLOWED_UPLOAD_TYPES: Record<UploadCategory, readonly string[]> = {
  FILE: ['application/pdf', 'image/png', 'image/jpeg'],
  VOICE_NOTE: ['audio/webm', 'audio/ogg', 'audio/mpeg', 'audio/mp4', 'audio/wav'],
};

/** Other names browsers give the same formats (MediaRecorder in Chrome says video/webm for audio-only recordings). */
const ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'video/webm': 'audio/webm',
  'audio/x-wav': 'audio/wav',
  'audio/wave': 'audio/wav',
  'audio/vnd.wave': 'audio/wav',
  'audio/mp3': 'audio/mpeg',
  'audio/x-m4a': 'audio/mp4',
  'audio/m4a': 'audio/mp4',
  'video/ogg': 'audio/ogg',
};

/** "Audio/WebM; codecs=opus" -> "audio/webm". */
export function normalizeContentType(declared: string): string {
  const base = declared.split(';')[0].trim().toLowerCase();
  return ALIASES[base] ?? base;
}

const startsWith = (bytes: Uint8Array, at: number, ...expected: number[]) => expected.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

/** The type the bytes show, among the allowed ones, or null. */
export function sniffContentType(bytes: Uint8Array): string | null {
  if (startsWith(bytes, 0, ...ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(bytes, 0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (startsWith(bytes, 0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (startsWith(bytes, 0, 0x1a, 0x45, 0xdf, 0xa3)) {
    // EBML: WebM names its doctype in the header.
    const head = String.fromCharCode(...bytes.subarray(0, 64));
    return head.includes('webm') ? 'audio/webm' : null;
  }
  if (startsWith(bytes, 0, ...ascii('OggS'))) return 'audio/ogg';
  if (startsWith(bytes, 0, ...ascii('RIFF')) && startsWith(bytes, 8, ...ascii('WAVE'))) return 'audio/wav';
  if (startsWith(bytes, 4, ...ascii('ftyp'))) return 'audio/mp4';
  if (startsWith(bytes, 0, ...ascii('ID3'))) return 'audio/mpeg';
  // An MPEG audio frame: 11 sync bits set, then a version and layer that exist.
  if (bytes.length >= 2 && bytes[0] === 0xff && (bytes[1] & 0xe0) === 0xe0 && (bytes[1] & 0x18) !== 0x08 && (bytes[1] & 0x06) !== 0) return 'audio/mpeg';
  return null;
}

export type UploadCheck =
  | { ok: true; contentType: string }
  | { ok: false; problem: 'EMPTY' | 'TOO_LARGE' | 'TYPE_NOT_ALLOWED' | 'TYPE_MISMATCH'; message: string };

/** Decides whether the bytes may be stored for a field that takes `category`. */
export function checkUpload(category: UploadCategory, declaredType: string, bytes: Uint8Array): UploadCheck {
  const allowed = ALLOWED_UPLOAD_TYPES[category];
  const what = category === 'VOICE_NOTE' ? 'a voice note (WebM, Ogg, MP3, M4A or WAV)' : 'a PDF, PNG or JPEG file';
  if (bytes.length === 0) return { ok: false, problem: 'EMPTY', message: 'The file is empty.' };
  if (bytes.length > MAX_UPLOAD_BYTES) {
    return { ok: false, problem: 'TOO_LARGE', message: `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.` };
  }
  const declared = normalizeContentType(declaredType);
  if (!allowed.includes(declared)) return { ok: false, problem: 'TYPE_NOT_ALLOWED', message: `This field takes ${what}.` };
  const sniffed = sniffContentType(bytes);
  if (sniffed !== declared) {
    return { ok: false, problem: 'TYPE_MISMATCH', message: `The file's content is not the ${declared} it claims to be; this field takes ${what}.` };
  }
  return { ok: true, contentType: sniffed };
}
