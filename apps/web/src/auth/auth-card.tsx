import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';

/** The centred card every signed-out page (log in, sign up, reset, confirm) is drawn in; it also names the tab. */
export function AuthCard({ title, subtitle, children }: { title: string; subtitle: ReactNode; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Anchored`;
  }, [title]);
  return (
    <Center mih="100vh" p="md" bg="var(--anchored-tint)" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <Stack gap="xs" mb="lg">
          <Text fw={700} c="var(--anchored-brand-text)" size="lg">
            Anchored
          </Text>
          <Title order={1} size="h2">
            {title}
          </Title>
          <Text c="dimmed" size="sm">
            {subtitle}
          </Text>
        </Stack>
        {children}
      </Paper>
    </Center>
  );
}
