import { Badge } from '@mantine/core';
import { humanize } from '../../ui/status';
import { STATUS_LABEL, type HomeworkStatus } from './homework';

// Mantine's teal at shade 9 on its light fill is 4.49:1, just under AA; the brand colour passes.
const COLOR: Record<HomeworkStatus, string> = { TODO: 'gray', SUBMITTED: 'blue', LATE: 'grape', REVIEWED: 'anchor' };

/** A homework status in words ("To do", "Late"…); the colour only repeats what the text says. */
export function HomeworkStatusBadge({ status }: { status: HomeworkStatus }) {
  return (
    <Badge color={COLOR[status]} variant="light" style={{ flexShrink: 0 }}>
      {STATUS_LABEL[status]}
    </Badge>
  );
}

const ENROLLMENT_COLOR: Record<string, string> = {
  APPLIED: 'blue',
  WAITLISTED: 'grape',
  ENROLLED: 'anchor',
  GRADUATED: 'violet',
  REJECTED: 'red',
  WITHDRAWN: 'gray',
};

/**
 * An application's status as a badge. Like the shared StatusBadge, but ENROLLED uses the brand
 * colour: the shared teal falls just short of AA contrast (reported to the lead).
 */
export function EnrollmentBadge({ status }: { status: string }) {
  return (
    <Badge color={ENROLLMENT_COLOR[status] ?? 'gray'} variant="light">
      {humanize(status)}
    </Badge>
  );
}
