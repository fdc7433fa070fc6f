import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Badge, Breadcrumbs, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { formatDate } from '../../lib/time';
import { PageHeader } from '../../ui/page';
import { notifySuccess } from '../../ui/notify';
import { ErrorState, LoadingState } from '../../ui/states';
import { BUDDY_PAIRS, PAIR_BUDDIES, PREVIEW_BUDDY_PAIRS, formatOverlap, type BuddyPerson } from './operations';

const who = (members: BuddyPerson[]) =>
  [...members]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((m) => `${m.name} (${m.timezone})`)
    .join(' · ');

/** /coach/cohorts/:cohortId/buddies: the current pairing, a preview of the next one, then confirm. */
export function PairingPage() {
  const { cohortId = '' } = useParams();
  const current = useQuery(BUDDY_PAIRS, { variables: { cohortId } });
  const [loadPreview, preview] = useLazyQuery(PREVIEW_BUDDY_PAIRS, { fetchPolicy: 'network-only' });
  const [pair, pairing] = useMutation(PAIR_BUDDIES);
  const cohort = current.data?.cohort;
  const groups = preview.data?.previewBuddyPairs;

  async function confirm() {
    await pair({ variables: { cohortId } });
    notifySuccess('Buddies paired. Everyone has been told who their buddy is.');
    await current.refetch();
    await loadPreview({ variables: { cohortId } });
  }

  return (
    <>
      <Breadcrumbs mb="sm" aria-label="Breadcrumb">
        <Anchor component={Link} to="/coach" size="sm">
          My cohorts
        </Anchor>
        <Anchor component={Link} to={`/coach/cohorts/${cohortId}`} size="sm">
          {cohort?.name ?? 'Cohort'}
        </Anchor>
        <Text size="sm" aria-current="page">
          Buddies
        </Text>
      </Breadcrumbs>
      <PageHeader title="Buddies" description="Every enrolled client in a pair (one trio when the count is odd), by shared waking hours (08:00–22:00 local), avoiding the last pairing." />
      <Stack gap="lg">
        <Card withBorder component="section" aria-labelledby="current-pairing">
          <Title order={2} size="h4" id="current-pairing" mb="sm">
            Current pairing
          </Title>
          {current.loading && !current.data ? (
            <LoadingState />
          ) : current.error ? (
            <ErrorState error={current.error} />
          ) : current.data?.buddyPairs.length ? (
            <Table.ScrollContainer minWidth={320}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Buddies</Table.Th>
                    <Table.Th scope="col">Since</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {current.data.buddyPairs.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>{who(p.members)}</Table.Td>
                      <Table.Td>{formatDate(p.startsOn)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : (
            <Text size="sm" c="dimmed">
              This cohort has not been paired yet.
            </Text>
          )}
        </Card>

        <Card withBorder component="section" aria-labelledby="next-pairing">
          <Title order={2} size="h4" id="next-pairing" mb="sm">
            New pairing
          </Title>
          <Group mb="sm">
            <Button variant="light" onClick={() => void loadPreview({ variables: { cohortId } })} loading={preview.loading}>
              Preview pairs
            </Button>
          </Group>
          {preview.error && <ErrorState error={preview.error} title="No pairing possible" />}
          {groups && (
            <Stack gap="sm">
              <Table.ScrollContainer minWidth={320}>
                <Table aria-label="Proposed pairs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Buddies</Table.Th>
                      <Table.Th scope="col">Shared waking hours</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {groups.map((g) => (
                      <Table.Tr key={g.members.map((m) => m.id).join()}>
                        <Table.Td>
                          {who(g.members)}
                          {g.repeatsPrevious && (
                            <Badge ml="xs" variant="light" color="gray">
                              same as last time
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td>{formatOverlap(g.overlapMinutes)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {pairing.error && <ErrorState error={pairing.error} />}
              <Group>
                <Button onClick={() => void confirm()} loading={pairing.loading}>
                  Confirm pairing
                </Button>
                <Text size="sm" c="dimmed">
                  Ends the current pairing and tells every client who their buddy is.
                </Text>
              </Group>
            </Stack>
          )}
        </Card>
      </Stack>
    </>
  );
}
