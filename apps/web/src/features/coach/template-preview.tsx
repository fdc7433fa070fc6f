import { Badge, Group, List, Stack, Text } from '@mantine/core';
import type { HomeworkFieldKind } from '../../gql/graphql';

export interface PreviewField {
  key: string;
  label: string;
  kind: HomeworkFieldKind;
  help?: string | null;
  options?: string[] | null;
  min?: number | null;
  max?: number | null;
  required: boolean;
}

const KIND_LABEL: Record<HomeworkFieldKind, string> = {
  TEXT: 'Short answer',
  LONG_TEXT: 'Long answer',
  CHOICE: 'One choice',
  CHECKLIST: 'Checklist',
  SCALE: 'Scale',
  DATE: 'Date',
  UPLOAD: 'File or voice note',
};

/** A homework template as clients will meet it: its instructions, then each question and its kind. */
export function TemplatePreview({ instructions, fields }: { instructions?: string | null; fields: readonly PreviewField[] }) {
  return (
    <Stack gap="xs">
      {instructions && (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {instructions}
        </Text>
      )}
      <Text size="sm" fw={600}>
        {fields.length} question{fields.length === 1 ? '' : 's'}
      </Text>
      <List size="sm" spacing={6}>
        {fields.map((f) => (
          <List.Item key={f.key}>
            <Group gap={6} wrap="wrap">
              <Text size="sm" span>
                {f.label}
              </Text>
              <Badge size="xs" variant="light" color="gray">
                {KIND_LABEL[f.kind]}
                {f.kind === 'SCALE' && f.min != null && f.max != null ? ` ${f.min}–${f.max}` : ''}
              </Badge>
              {!f.required && (
                <Badge size="xs" variant="outline" color="gray">
                  Optional
                </Badge>
              )}
            </Group>
            {f.options && f.options.length > 0 && (
              <Text size="xs" c="dimmed">
                Options: {f.options.join(' · ')}
              </Text>
            )}
            {f.help && (
              <Text size="xs" c="dimmed">
                {f.help}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
