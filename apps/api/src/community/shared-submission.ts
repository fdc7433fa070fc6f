import type { SubmissionStatus } from '@anchored/domain';
import type { UserEntity } from '@anchored/data';

/**
 * What `Post.sharedSubmission` resolves to: a Submission made only of what its client chose to
 * share, from the copy kept (encrypted) on the post. It never reads the submission row, so it can
 * show nothing else: `responses` are the chosen answers only, `feedback` is null, and no access-log
 * entry is written (nobody reads the private submission through it). The homework resolver checks
 * for this class before its own access rule.
 */
export class SharedSubmissionView {
  constructor(
    readonly id: string,
    readonly assignmentId: string,
    readonly clientId: string,
    readonly client: UserEntity,
    readonly submittedAt: Date,
    readonly status: SubmissionStatus,
    readonly sharedResponses: Record<string, unknown>,
  ) {}

  readonly late = false;
  readonly reviewedAt = null;
}
