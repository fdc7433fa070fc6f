import { Injectable } from '@nestjs/common';
import type { LiveEvent } from '@anchored/jobs';

/**
 * Announces feed events after their transaction has committed (ids only; subscribers load and
 * authorize at delivery). Until the live infrastructure is wired in, events go nowhere.
 */
@Injectable()
export class FeedAnnouncer {
  async publish(_event: LiveEvent): Promise<void> {
    // Wired to the live-events publisher once subscriptions exist.
  }
}
