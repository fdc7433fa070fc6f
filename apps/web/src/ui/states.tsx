import { Alert, Center, Loader, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertCircle, IconMoodEmpty } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { humanError } from '../api/apollo-errors';

export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="md" aria-hidden />
        <Text c="dimmed" size="sm">
          {label}
        </Text>
      </Stack>
    </Center>
  );
}

/** An API or network error as a sentence, with an optional retry. Never raw JSON. */
export function ErrorState({ error, title = 'That did not work', action }: { error: unknown; title?: string; action?: ReactNode }) {
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertCircle aria-hidden />} role="alert">
      <Text size="sm">{humanError(error)}</Text>
      {action}
    </Alert>
  );
}

/** `level`: 2 for a screen that is empty (under its h1), 3 for an empty part under an h2. */
export function EmptyState({ title, children, action, level = 2 }: { title: string; children?: ReactNode; action?: ReactNode; level?: 2 | 3 }) {
  return (
    <Center py="xl">
      <Stack align="center" gap="xs" maw={420} ta="center">
        <ThemeIcon variant="light" size={48} radius="xl" aria-hidden>
          <IconMoodEmpty />
        </ThemeIcon>
        <Title order={level} size="h4">
          {title}
        </Title>
        {children && (
          <Text c="dimmed" size="sm">
            {children}
          </Text>
        )}
        {action}
      </Stack>
    </Center>
  );
}

/**
 * The three states every list screen has: loading (first load only), error, empty; else the content.
 */
export function QueryState({
  loading,
  error,
  empty,
  emptyTitle,
  emptyText,
  children,
}: {
  loading: boolean;
  error?: unknown;
  empty?: boolean;
  emptyTitle?: string;
  emptyText?: ReactNode;
  children: ReactNode;
}) {
  if (error) return <ErrorState error={error} />;
  if (loading) return <LoadingState />;
  if (empty) return <EmptyState title={emptyTitle ?? 'Nothing here yet'}>{emptyText}</EmptyState>;
  return <>{children}</>;
}
