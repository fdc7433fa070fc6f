import { Stack, Text } from '@mantine/core';
import { formatDate } from '../../lib/time';
import { meetingLines, type MeetingSlot } from './meetings';

export interface OpenCohortInfo {
  description?: string | null;
  startsOn: string;
  endsOn: string;
  meetings: readonly MeetingSlot[];
  coaches: readonly { name: string; bio?: string | null }[];
}

/**
 * What someone needs before applying, the same for visitors and signed-in clients: what the
 * cohort is about, when it meets (in the viewer's own timezone), for how long, and who leads it.
 */
export function OpenCohortDetails({ cohort, viewerZone }: { cohort: OpenCohortInfo; viewerZone: string }) {
  const lines = meetingLines(cohort.meetings, viewerZone);
  return (
    <Stack gap={6}>
      {cohort.description && <Text size="sm">{cohort.description}</Text>}
      <Text size="sm">
        {formatDate(cohort.startsOn)} to {formatDate(cohort.endsOn)}
      </Text>
      {lines.length > 0 ? (
        <Text size="sm">
          Meets {lines.join('; ')} <Text span c="dimmed" size="sm">(your time, {viewerZone})</Text>
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          Meeting times will be announced soon.
        </Text>
      )}
      {cohort.coaches.map((coach) => (
        <Text size="sm" key={coach.name}>
          <Text span fw={600} size="sm">
            Led by {coach.name}
          </Text>
          {coach.bio ? <Text span size="sm" c="dimmed">{` · ${coach.bio}`}</Text> : null}
        </Text>
      ))}
    </Stack>
  );
}
