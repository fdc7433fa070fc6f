import { useParams } from 'react-router';
import { PageHeader } from '../../ui/page';
import { BuddyCard } from './buddy-card';

/** /cohorts/:cohortId/buddy: where BUDDY_PAIRED links to. */
export function BuddyPage() {
  const { cohortId = '' } = useParams();
  return (
    <>
      <PageHeader title="My buddy" description="Someone to practise co-regulation with between sessions." />
      <BuddyCard cohortId={cohortId} />
    </>
  );
}
