import { notifications } from '@mantine/notifications';

/** A short confirmation that something worked (the theme names its close button). */
export function notifySuccess(message: string): void {
  notifications.show({ message, color: 'teal' });
}
