import { useQuery } from '@apollo/client/react';
import { Anchor, Card, List, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { appendPage } from '../../lib/paging';
import { useShowMore } from '../../lib/use-show-more';
import { ShowMoreFooter } from '../../ui/show-more';
import { PageHeader } from '../../ui/page';
import { QueryState } from '../../ui/states';
import { DateTimeText } from '../../ui/time';
import { readerRole, readKey, readSubject, submissionIndex, type AccessRead } from './access-log';

const ACCESS_LOG = graphql(`
  query ClientAccessLog($limit: Int, $offset: Int) {
    myAccessLog(limit: $limit, offset: $offset) {
      at
      subject
      subjectId
      reader {
        id
        name
        role
      }
    }
  }
`);

// Only what names the homework: asking for `responses` here would be pointless (it is the client's own).
const OWN_SUBMISSIONS = graphql(`
  query ClientAccessLogHomework {
    mySubmissions(limit: 200) {
      id
      assignment {
        id
        title
      }
    }
  }
`);

const PAGE = 20;

export function PrivacyPage() {
  return (
    <>
      <PageHeader title="Who has read my writing" description="Your homework answers are yours. Each time someone else opens one, it is noted in this access log, which only you can see." />
      <Stack gap="lg">
        <Card>
          <Title order={2} size="h4" mb="xs">
            Who can read your answers
          </Title>
          <List size="sm" spacing={4}>
            <List.Item>The coaches of your cohort, so that they can reply to what you send.</List.Item>
            <List.Item>Admins only where your program has agreed that with you; their reads are listed here too.</List.Item>
            <List.Item>Nobody else: not other clients, not coaches of other cohorts.</List.Item>
          </List>
          <Text size="xs" c="dimmed" mt="xs">
            When a coach joins your cohort, you get a notification. Several reads of the same answer by the same person within an hour show as one line.
          </Text>
        </Card>
        <ReadsList />
      </Stack>
    </>
  );
}

function ReadsList() {
  const log = useQuery(ACCESS_LOG, { variables: { limit: PAGE + 1, offset: 0 }, fetchPolicy: 'cache-and-network' });
  // Without the titles the list still works: each read is then "A homework answer".
  const own = useQuery(OWN_SUBMISSIONS, { fetchPolicy: 'cache-and-network' });
  const homework = useMemo(() => submissionIndex(own.data?.mySubmissions ?? []), [own.data]);
  const paging = useShowMore<AccessRead>(log.data?.myAccessLog ?? [], PAGE, async (offset) => {
    const result = await log.fetchMore({
      variables: { limit: PAGE + 1, offset },
      updateQuery: (previous, { fetchMoreResult }) => ({ ...previous, myAccessLog: appendPage(previous.myAccessLog, fetchMoreResult.myAccessLog, offset, readKey) }),
    });
    return result.data?.myAccessLog;
  });
  const { shown } = paging;

  return (
    <section aria-labelledby="reads-heading">
      <Title order={2} size="h3" mb="sm" id="reads-heading">
        Reads of your answers
      </Title>
      <QueryState
        loading={(log.loading && !log.data) || (own.loading && !own.data)}
        error={log.data ? undefined : log.error}
        empty={shown.length === 0}
        emptyTitle="Nobody else has read your answers yet"
        emptyText="When a coach of your cohort (or an admin, where your program allows it) opens a homework answer you sent, you will see here who it was, which homework, and when."
      >
        <Table verticalSpacing="sm" horizontalSpacing="xs" captionSide="top">
          <Table.Caption ta="left">Each time someone else opened your writing, newest first</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Who</Table.Th>
              <Table.Th scope="col">What</Table.Th>
              <Table.Th scope="col">When</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((read) => {
              const subject = readSubject(read, homework);
              return (
                <Table.Tr key={readKey(read)}>
                  <Table.Td>
                    <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                      {read.reader.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {readerRole(read.reader.role)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {subject.assignmentId ? (
                      <Anchor component={Link} to={`/homework/${subject.assignmentId}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {subject.text}
                      </Anchor>
                    ) : (
                      <Text size="sm">{subject.text}</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      <DateTimeText iso={read.at} />
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <ShowMoreFooter paging={paging} order="latest" noun={{ one: 'read', many: 'reads' }} errorTitle="More reads could not be loaded" />
      </QueryState>
    </section>
  );
}
