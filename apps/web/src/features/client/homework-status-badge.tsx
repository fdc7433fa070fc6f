import { Badge } from '@mantine/core';
import { STATUS_LABEL, type HomeworkStatus } from './homework';

const COLOR: Record<HomeworkStatus, string> = { TODO: 'gray', SUBMITTED: 'blue', LATE: 'grape', REVIEWED: 'anchor' };

/** A homework status in words ("To do", "Late"…); the colour only repeats what the text says. */
export function HomeworkStatusBadge({ status }: { status: HomeworkStatus }) {
  return (
    <Badge color={COLOR[status]} variant="light" style={{ flexShrink: 0 }}>
      {STATUS_LABEL[status]}
    </Badge>
  );
}
