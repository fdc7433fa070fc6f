import { useQuery } from '@apollo/client/react';
import { Table, Text, Title } from '@mantine/core';
import { useMe } from '../../auth/auth-context';
import { graphql } from '../../gql';
import { appendPage } from '../../lib/paging';
import { useShowMore } from '../../lib/use-show-more';
import { ShowMoreFooter } from '../../ui/show-more';
import { ErrorState, LoadingState } from '../../ui/states';
import { DateTimeText } from '../../ui/time';
import { coachChangeActor, coachChangeText, type CoachChange } from './coach-changes';

export const ADMIN_COHORT_AUDIT_LOG = graphql(`
  query AdminCohortAuditLog($cohortId: ID!, $limit: Int, $offset: Int) {
    cohortAuditLog(cohortId: $cohortId, limit: $limit, offset: $offset) {
      id
      action
      at
      coach {
        id
        name
        email
      }
      actor {
        id
        name
        email
      }
    }
  }
`);

const PAGE = 20;
const byId = (change: { id: string }) => change.id;

/**
 * The cohort's coach audit log, read-only: who added or removed which coach, when. The API keeps it
 * append-only; this screen only shows it. Re-mounted (keyed by the coaches) after each change.
 */
export function CoachChangesSection({ cohortId }: { cohortId: string }) {
  const me = useMe();
  const log = useQuery(ADMIN_COHORT_AUDIT_LOG, { variables: { cohortId, limit: PAGE + 1, offset: 0 }, fetchPolicy: 'cache-and-network' });
  const paging = useShowMore<CoachChange>(log.data?.cohortAuditLog ?? [], PAGE, async (offset) => {
    const result = await log.fetchMore({
      variables: { cohortId, limit: PAGE + 1, offset },
      updateQuery: (previous, { fetchMoreResult }) => ({ ...previous, cohortAuditLog: appendPage(previous.cohortAuditLog, fetchMoreResult.cohortAuditLog, offset, byId) }),
    });
    return result.data?.cohortAuditLog;
  });
  const { shown } = paging;

  return (
    <section aria-labelledby="coach-changes-heading">
      <Title order={2} size="h3" id="coach-changes-heading" mb={4}>
        Coach changes
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Coaches can read the homework answers of this cohort’s clients, so every coach added or removed is recorded here for good, and enrolled clients are told when a
        coach joins.
      </Text>
      {log.error && !log.data ? (
        <ErrorState error={log.error} title="The coach changes could not be loaded" />
      ) : !log.data ? (
        <LoadingState label="Loading coach changes…" />
      ) : shown.length === 0 ? (
        <Text size="sm" c="dimmed">
          No coach has been added or removed yet.
        </Text>
      ) : (
        <>
          <Table verticalSpacing="xs" horizontalSpacing="xs" captionSide="top">
            <Table.Caption ta="left">Coaches added to and removed from this cohort, newest first</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">When</Table.Th>
                <Table.Th scope="col">Change</Table.Th>
                <Table.Th scope="col">By</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((change) => (
                <Table.Tr key={change.id}>
                  <Table.Td>
                    <Text size="sm">
                      <DateTimeText iso={change.at} />
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                      {coachChangeText(change)}
                    </Text>
                    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {change.coach.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {coachChangeActor(change, me.id)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <ShowMoreFooter paging={paging} order="latest" noun={{ one: 'change', many: 'changes' }} errorTitle="More changes could not be loaded" />
        </>
      )}
    </section>
  );
}
