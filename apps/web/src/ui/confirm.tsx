import { Button, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Dialog } from './dialog';
import { ErrorState } from './states';

/**
 * The inside of a yes/no question before a change that is hard to take back: what will happen,
 * the API's refusal if any, and the two answers. Focus starts on the safe one.
 */
interface ConfirmProps {
  children: ReactNode;
  /** Shown below the question, outside its paragraph: a warning, a form field. */
  extra?: ReactNode;
  confirmLabel: string;
  color?: string;
  loading?: boolean;
  error?: unknown;
  errorTitle?: string;
  onConfirm: () => void;
}

export function ConfirmBody({
  children,
  extra,
  keepLabel,
  confirmLabel,
  color = 'red',
  loading,
  error,
  errorTitle,
  onKeep,
  onConfirm,
}: ConfirmProps & { keepLabel: string; onKeep: () => void }) {
  return (
    <Stack gap="md">
      <Text size="sm">{children}</Text>
      {extra}
      {error ? <ErrorState error={error} title={errorTitle} /> : null}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onKeep} data-autofocus>
          {keepLabel}
        </Button>
        <Button color={color} loading={loading} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </Group>
    </Stack>
  );
}

/** A dialog asking that question; "Cancel" closes it. */
export function ConfirmDialog({ opened, title, onClose, ...body }: ConfirmProps & { opened: boolean; title: string; onClose: () => void }) {
  return (
    <Dialog opened={opened} onClose={onClose} title={title}>
      <ConfirmBody keepLabel="Cancel" onKeep={onClose} {...body} />
    </Dialog>
  );
}
