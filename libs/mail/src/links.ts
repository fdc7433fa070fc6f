/**
 * The link an email carries: always PUBLIC_URL + path, with the one-time token as a `token=` query
 * parameter (e.g. `linkTo('https://anchored.example', '/reset-password', t)`).
 */
export function linkTo(publicUrl: string, path: string, token: string): string {
  const base = publicUrl.replace(/\/+$/, '');
  const rest = path.startsWith('/') ? path : `/${path}`;
  return `${base}${rest}${rest.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;
}

/** Escapes text for the simple HTML part of an email. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
