import { useMutation } from '@apollo/client/react';
import { Anchor, Button, Card, Checkbox, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { humanError } from '../../api/apollo-errors';
import { useMe } from '../../auth/auth-context';
import { SHARE_REFLECTION } from './operations';

export interface ShareableField {
  key: string;
  label: string;
}

const shown = (value: unknown) => (Array.isArray(value) ? value.join(', ') : String(value));
const answered = (value: unknown) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);

/**
 * Share chosen answers of one's own submitted homework with the circle. Nothing is shared until the
 * client confirms, under a preview of exactly what the circle will see (docs/community.md): only
 * the ticked answers, the note, and their name or "A member of your circle".
 */
export function ShareReflection({ submissionId, cohortId, fields, responses }: { submissionId: string; cohortId: string; fields: ShareableField[]; responses: Record<string, unknown> }) {
  const me = useMe();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [showName, setShowName] = useState('name');
  const [share, state] = useMutation(SHARE_REFLECTION);
  const [sharedId, setSharedId] = useState<string | null>(null);
  const options = fields.filter((f) => answered(responses[f.key]));
  if (options.length === 0) return null;

  if (sharedId) {
    return (
      <Card withBorder role="status">
        <Text size="sm">
          Shared with your circle.{' '}
          <Anchor component={Link} to={`/circle/${cohortId}`}>
            See it in the circle
          </Anchor>
          . Deleting the post there withdraws it everywhere.
        </Text>
      </Card>
    );
  }
  if (!open) {
    return (
      <Button variant="light" onClick={() => setOpen(true)} style={{ alignSelf: 'flex-start' }}>
        Share with your circle…
      </Button>
    );
  }
  const picked = options.filter((f) => chosen.includes(f.key));
  return (
    <Card withBorder component="section" aria-labelledby="share-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="share-title">
          Share with your circle
        </Title>
        <Checkbox.Group label="Which answers?" description="Only the answers you tick are shared; your coach's feedback never is." value={chosen} onChange={setChosen}>
          <Stack gap={6} mt="xs">
            {options.map((f) => (
              <Checkbox key={f.key} value={f.key} label={f.label} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Textarea label="A note above it (optional)" autosize minRows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Radio.Group label="Show it as" value={showName} onChange={setShowName}>
          <Stack gap={6} mt="xs">
            <Radio value="name" label={`From ${me.name}`} />
            <Radio value="anonymous" label="From “a member of your circle”" />
          </Stack>
        </Radio.Group>
        <Card bg="var(--anchored-muted-surface)" padding="sm" aria-labelledby="share-preview">
          <Text size="xs" c="dimmed" id="share-preview">
            Exactly what your circle will see:
          </Text>
          <Text size="sm" fw={600}>
            {showName === 'name' ? me.name : 'A member of your circle'}
          </Text>
          {note.trim() && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {note.trim()}
            </Text>
          )}
          {picked.length === 0 ? (
            <Text size="sm" c="dimmed">
              Tick at least one answer.
            </Text>
          ) : (
            <Stack gap={4} component="dl" m={0}>
              {picked.map((f) => (
                <div key={f.key}>
                  <Text component="dt" size="xs" c="dimmed">
                    {f.label}
                  </Text>
                  <Text component="dd" size="sm" m={0} style={{ whiteSpace: 'pre-wrap' }}>
                    {shown(responses[f.key])}
                  </Text>
                </div>
              ))}
            </Stack>
          )}
        </Card>
        {state.error && (
          <Text size="sm" c="red" role="alert">
            {humanError(state.error)}
          </Text>
        )}
        <Stack gap="xs" style={{ flexDirection: 'row', flexWrap: 'wrap' }}>
          <Button
            disabled={picked.length === 0}
            loading={state.loading}
            onClick={async () => {
              const result = await share({ variables: { input: { submissionId, fieldKeys: picked.map((f) => f.key), note: note.trim() || null, showName: showName === 'name' } } }).catch(() => null);
              if (result?.data) setSharedId(result.data.shareReflection.id);
            }}
          >
            Share these answers
          </Button>
          <Button variant="default" onClick={() => setOpen(false)}>
            Cancel
          </Button>
        </Stack>
      </Stack>
    </Card>
  );
}
