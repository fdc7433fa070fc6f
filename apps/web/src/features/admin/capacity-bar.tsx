import { Group, Progress, Stack, Text } from '@mantine/core';
import { capacityOf } from './cohort-logic';

/** Seats taken of the cohort's capacity as a bar, with the same facts in words (and for screen readers). */
export function CapacityBar({ enrolledCount, capacity, waitlistCount, size = 'md' }: { enrolledCount: number; capacity: number; waitlistCount: number; size?: 'sm' | 'md' }) {
  const c = capacityOf({ enrolledCount, capacity, waitlistCount });
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text size={size === 'sm' ? 'xs' : 'sm'} fw={500}>
          {c.filled}
        </Text>
        <Text size="xs" c="dimmed">
          {c.full ? 'Full' : `${c.seatsLeft} left`}
          {c.waitlisted > 0 ? ` · ${c.waitlisted} waitlisted` : ''}
        </Text>
      </Group>
      <Progress.Root
        size={size === 'sm' ? 'sm' : 'lg'}
        role="progressbar"
        aria-label={c.label}
        aria-valuemin={0}
        aria-valuemax={c.capacity}
        aria-valuenow={Math.min(c.enrolled, c.capacity)}
        aria-valuetext={c.label}
      >
        <Progress.Section value={c.percent} color={c.full ? 'grape' : 'teal'} withAria={false} />
      </Progress.Root>
    </Stack>
  );
}
