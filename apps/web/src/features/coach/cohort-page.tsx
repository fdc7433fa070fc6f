import { useQuery } from '@apollo/client/react';
import { Anchor, Breadcrumbs, Button, Group, Tabs, Text } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatDate } from '../../lib/time';
import { PageHeader } from '../../ui/page';
import { QueryState } from '../../ui/states';
import { StatusBadge } from '../../ui/status';
import { ChartsTab } from './charts-tab';
import { HomeworkTab } from './homework-tab';
import { COACH_COHORT_HEADER } from './operations';
import { ProgressTab } from './progress-tab';
import { ReviewTab } from './review-tab';
import { SessionsTab } from './sessions-tab';
import { programPosition } from '@anchored/domain';
import { describePosition } from '../../lib/program-week';

export const COHORT_TABS = [
  { value: 'progress', label: 'Progress' },
  { value: 'review', label: 'Review' },
  { value: 'sessions', label: 'Sessions' },
  { value: 'homework', label: 'Homework' },
  { value: 'charts', label: 'Charts' },
] as const;
type TabValue = (typeof COHORT_TABS)[number]['value'];

export function CohortPage() {
  const { cohortId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: TabValue = COHORT_TABS.some((t) => t.value === requested) ? (requested as TabValue) : 'progress';
  const { data, loading, error } = useQuery(COACH_COHORT_HEADER, { variables: { id: cohortId } });
  const cohort = data?.cohort;

  return (
    <>
      <Breadcrumbs mb="sm" aria-label="Breadcrumb">
        <Anchor component={Link} to="/coach" size="sm">
          My cohorts
        </Anchor>
        <Text size="sm" aria-current="page">
          {cohort?.name ?? 'Cohort'}
        </Text>
      </Breadcrumbs>
      <QueryState loading={loading && !data} error={error}>
        {cohort && (
          <>
            <PageHeader
              title={cohort.name}
              description={
                <>
                  {describePosition(programPosition(cohort), cohort.programWeeks)} · {formatDate(cohort.startsOn)} –{' '}
                  {formatDate(cohort.endsOn)} · {cohort.enrolledCount} enrolled · {cohort.timezone}
                </>
              }
              actions={
                <Group gap="sm">
                  <Button component={Link} to={`/coach/cohorts/${cohort.id}/buddies`} variant="default" size="xs">
                    Buddies
                  </Button>
                  <StatusBadge status={cohort.status} />
                </Group>
              }
            />
            <Tabs value={tab} onChange={(v) => setParams(v && v !== 'progress' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
              <Tabs.List mb="lg" aria-label="Cohort dashboard">
                {COHORT_TABS.map((t) => (
                  <Tabs.Tab key={t.value} value={t.value}>
                    {t.label}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              <Tabs.Panel value="progress">
                <ProgressTab cohortId={cohort.id} />
              </Tabs.Panel>
              <Tabs.Panel value="review">
                <ReviewTab cohortId={cohort.id} />
              </Tabs.Panel>
              <Tabs.Panel value="sessions">
                <SessionsTab cohortId={cohort.id} />
              </Tabs.Panel>
              <Tabs.Panel value="homework">
                <HomeworkTab cohortId={cohort.id} />
              </Tabs.Panel>
              <Tabs.Panel value="charts">
                <ChartsTab cohortId={cohort.id} />
              </Tabs.Panel>
            </Tabs>
          </>
        )}
      </QueryState>
    </>
  );
}
