import { MAX_UPLOAD_BYTES, checkUpload, normalizeContentType, sniffContentType } from './uploads';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p)));

const SAMPLES: Record<string, Uint8Array> = {
  'application/pdf': bytes('%PDF-1.7\n'),
  'image/png': bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
  'image/jpeg': bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
  'audio/webm': bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84], 'webm', [0x42, 0x87]),
  'audio/ogg': bytes('OggS', [0, 2]),
  'audio/wav': bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '),
  'audio/mp4': bytes([0, 0, 0, 0x20], 'ftypM4A '),
  'audio/mpeg': bytes('ID3', [4, 0]),
};

describe('uploads', () => {
  it('knows every allowed type by its first bytes', () => {
    for (const [type, sample] of Object.entries(SAMPLES)) expect(sniffContentType(sample)).toBe(type);
    expect(sniffContentType(bytes([0xff, 0xfb, 0x90, 0x64]))).toBe('audio/mpeg');
    expect(sniffContentType(bytes('<html><script>'))).toBeNull();
    expect(sniffContentType(bytes('GIF89a'))).toBeNull();
    expect(sniffContentType(bytes([0x1a, 0x45, 0xdf, 0xa3], 'matroska'))).toBeNull();
  });

  it('reads the names browsers give a type', () => {
    expect(normalizeContentType('Audio/WebM; codecs=opus')).toBe('audio/webm');
    expect(normalizeContentType('video/webm')).toBe('audio/webm');
    expect(normalizeContentType('image/jpg')).toBe('image/jpeg');
  });

  it('stores a file only when its bytes are the allowed type it claims to be', () => {
    expect(checkUpload('FILE', 'application/pdf', SAMPLES['application/pdf'])).toEqual({ ok: true, contentType: 'application/pdf' });
    expect(checkUpload('VOICE_NOTE', 'audio/webm;codecs=opus', SAMPLES['audio/webm'])).toEqual({ ok: true, contentType: 'audio/webm' });
    // A script dressed as a PDF, a PNG declared as a PDF, a voice note where a file is asked for.
    expect(checkUpload('FILE', 'application/pdf', bytes('<script>alert(1)</script>'))).toMatchObject({ ok: false, problem: 'TYPE_MISMATCH' });
    expect(checkUpload('FILE', 'application/pdf', SAMPLES['image/png'])).toMatchObject({ ok: false, problem: 'TYPE_MISMATCH' });
    expect(checkUpload('FILE', 'audio/ogg', SAMPLES['audio/ogg'])).toMatchObject({ ok: false, problem: 'TYPE_NOT_ALLOWED' });
    expect(checkUpload('FILE', 'text/html', bytes('<html>'))).toMatchObject({ ok: false, problem: 'TYPE_NOT_ALLOWED' });
  });

  it('refuses empty files and files over the limit, whatever they are', () => {
    expect(checkUpload('FILE', 'application/pdf', new Uint8Array())).toMatchObject({ ok: false, problem: 'EMPTY' });
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    big.set(SAMPLES['application/pdf']);
    expect(checkUpload('FILE', 'application/pdf', big)).toMatchObject({ ok: false, problem: 'TOO_LARGE' });
    expect(checkUpload('FILE', 'application/pdf', big.subarray(0, MAX_UPLOAD_BYTES)).ok).toBe(true);
  });
});
