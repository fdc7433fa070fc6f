import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { downloadHomeworkFile } from './files';

/** Downloads an attached file on click; a refusal is shown next to the button. */
export function DownloadButton({ id, label }: { id: string; label: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Group component="span" gap="xs" mt={4}>
      <Button size="xs" variant="default" aria-label={`Download: ${label}`} onClick={() => downloadHomeworkFile(id).then(() => setProblem(null), (e: Error) => setProblem(e.message))}>
        Download
      </Button>
      {problem && (
        <Text size="xs" c="red.9" role="alert" span>
          {problem}
        </Text>
      )}
    </Group>
  );
}
