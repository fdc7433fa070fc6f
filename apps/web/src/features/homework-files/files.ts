import { CLIENT_HEADER, refreshTokens } from '../../api/auth-fetch';
import { needsRefresh } from '../../api/jwt';
import { getTokens } from '../../api/session';

/** Files for homework answers go over plain HTTP (docs/homework-templates.md), with the same access token as GraphQL. */
async function authorized(path: string, init: RequestInit = {}): Promise<Response> {
  let tokens = getTokens();
  if (tokens && needsRefresh(tokens.accessToken)) tokens = (await refreshTokens()) ?? tokens;
  const headers = new Headers(init.headers);
  headers.set('x-anchored-client', CLIENT_HEADER['x-anchored-client']);
  if (tokens) headers.set('authorization', `Bearer ${tokens.accessToken}`);
  return fetch(path, { ...init, headers, credentials: 'same-origin' });
}

export interface UploadedFile {
  id: string;
  contentType: string;
  sizeBytes: number;
}

/** Stores a file for one UPLOAD field of an assignment; throws an Error with the API's message when refused. */
export async function uploadHomeworkFile(assignmentId: string, fieldKey: string, file: File): Promise<UploadedFile> {
  const query = new URLSearchParams({ assignmentId, fieldKey });
  const res = await authorized(`/homework-uploads?${query.toString()}`, { method: 'POST', headers: { 'content-type': file.type || 'application/octet-stream' }, body: file });
  const body = (await res.json().catch(() => ({}))) as Partial<UploadedFile> & { message?: string };
  if (!res.ok || !body.id) throw new Error(body.message ?? 'The file could not be uploaded. Please try again.');
  return body as UploadedFile;
}

/** Fetches an attached file and hands it to the browser as a download (the API never shows it inline). */
export async function downloadHomeworkFile(id: string, name = 'homework-file'): Promise<void> {
  const res = await authorized(`/homework-uploads/${encodeURIComponent(id)}`);
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { message?: string };
    throw new Error(body.message ?? 'The file could not be downloaded.');
  }
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${name}.${(blob.type.split('/')[1] ?? 'bin').replace(/[^a-z0-9]/g, '')}`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** What the file input offers for each kind of UPLOAD field (the API checks the bytes again). */
export const ACCEPT: Record<'FILE' | 'VOICE_NOTE', string> = {
  FILE: 'application/pdf,image/png,image/jpeg',
  VOICE_NOTE: 'audio/webm,audio/ogg,audio/mpeg,audio/mp4,audio/wav,.webm,.ogg,.mp3,.m4a,.wav',
};
