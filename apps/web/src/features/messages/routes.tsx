import type { RouteObject } from 'react-router';

/** Messages, for clients and coaches (admins have no conversations). */
export const messagesRoutes: RouteObject[] = [
  { path: 'messages', lazy: async () => ({ Component: (await import('./messages-page')).MessagesPage }) },
  { path: 'messages/:conversationId', lazy: async () => ({ Component: (await import('./messages-page')).MessagesPage }) },
];
