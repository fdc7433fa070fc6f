import { Text } from '@mantine/core';

/** A person in a list or table: their name, and their email underneath. */
export function PersonLabel({ person }: { person: { name: string; email: string } }) {
  return (
    <>
      <Text size="sm" fw={500}>
        {person.name}
      </Text>
      <Text size="xs" c="dimmed">
        {person.email}
      </Text>
    </>
  );
}
