import { Tooltip } from '@mantine/core';
import { useMe } from '../auth/auth-context';
import { formatDateTime, formatRelative, zoneAbbreviation } from '../lib/time';

/** An instant in the viewer's own timezone, with the zone named; `relative` adds "in 2 days". */
export function DateTimeText({ iso, relative = false }: { iso: string; relative?: boolean }) {
  const { timezone } = useMe();
  const text = `${formatDateTime(iso, timezone)} ${zoneAbbreviation(timezone)}`;
  return (
    <Tooltip label={formatRelative(iso)} withArrow openDelay={300}>
      <time dateTime={iso}>{relative ? `${text} (${formatRelative(iso)})` : text}</time>
    </Tooltip>
  );
}

