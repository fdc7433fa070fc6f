import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Button, Card, Group, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { graphql } from '../../gql';
import { DateTimeText } from '../../ui/time';
import { ErrorState } from '../../ui/states';

const MY_DATA_EXPORTS = graphql(`
  query MyDataExports {
    myDataExports {
      id
      status
      requestedAt
      readyAt
      downloadUrl
    }
  }
`);

const REQUEST_DATA_EXPORT = graphql(`
  mutation RequestDataExport {
    requestDataExport {
      id
      status
      requestedAt
      readyAt
      downloadUrl
    }
  }
`);

/** While an export is being built, the list is asked for again every few seconds. */
const POLL_MS = 3000;

/** "Download my data": ask for one JSON file of everything held about you; the link works for 24 hours. */
export function DataExportSection() {
  const { data, error, startPolling, stopPolling } = useQuery(MY_DATA_EXPORTS, { fetchPolicy: 'cache-and-network' });
  const [request, state] = useMutation(REQUEST_DATA_EXPORT, { refetchQueries: [MY_DATA_EXPORTS] });
  const latest = data?.myDataExports[0];
  const pending = latest?.status === 'PENDING';
  useEffect(() => {
    if (!pending) return;
    startPolling(POLL_MS);
    return () => stopPolling();
  }, [pending, startPolling, stopPolling]);

  return (
    <Card aria-labelledby="data-export-heading">
      <Title order={2} size="h4" mb="xs" id="data-export-heading">
        Download my data
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        One file (JSON) with everything Anchored holds about you: your profile and settings, applications, homework answers and feedback, attendance,
        notifications, and who has read your writing. We tell you when it is ready; the download link works for 24 hours, then the file is deleted.
      </Text>
      {error && <ErrorState error={error} title="Your exports could not be loaded" />}
      {state.error && <ErrorState error={state.error} title="The export could not be requested" />}
      <div role="status" aria-live="polite">
        {latest?.status === 'PENDING' && (
          <Text size="sm">
            Preparing your file (asked <DateTimeText iso={latest.requestedAt} relative />)…
          </Text>
        )}
        {latest?.status === 'READY' && latest.downloadUrl && (
          <Text size="sm">
            Your file is ready{latest.readyAt ? <> (<DateTimeText iso={latest.readyAt} relative />)</> : null}:{' '}
            <Anchor href={latest.downloadUrl} download>
              download my data (JSON)
            </Anchor>
            . The link works for 24 hours; keep it to yourself.
          </Text>
        )}
        {latest?.status === 'EXPIRED' && (
          <Text size="sm" c="dimmed">
            Your last file has expired and was deleted.
          </Text>
        )}
      </div>
      <Group mt="md">
        <Button onClick={() => request().catch(() => undefined)} loading={state.loading} disabled={pending}>
          {latest && latest.status !== 'EXPIRED' ? 'Prepare a new file' : 'Prepare my file'}
        </Button>
      </Group>
    </Card>
  );
}
