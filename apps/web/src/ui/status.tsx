import { Badge } from '@mantine/core';

const COLORS: Record<string, string> = {
  DRAFT: 'gray',
  ENROLLING: 'blue',
  ACTIVE: 'teal',
  COMPLETED: 'violet',
  ARCHIVED: 'gray',
  APPLIED: 'blue',
  WAITLISTED: 'grape',
  ENROLLED: 'teal',
  GRADUATED: 'violet',
  REJECTED: 'red',
  WITHDRAWN: 'gray',
  SCHEDULED: 'blue',
  CANCELLED: 'red',
  SUBMITTED: 'blue',
  REVIEWED: 'teal',
  PRESENT: 'teal',
  ABSENT: 'red',
  EXCUSED: 'grape',
};

export function humanize(value: string): string {
  return value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');
}

/** A status enum as a coloured, readable badge ("Waitlisted"), dark text on a light fill for contrast. */
export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge color={COLORS[status] ?? "gray"} variant="light">
      {humanize(status)}
    </Badge>
  );
}
