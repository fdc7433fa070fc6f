import { Module } from '@nestjs/common';
import { FeedbackDraftResolver, HomeworkDraftResolver } from './drafts.resolver';
import { DraftsService } from './drafts.service';

/** Unsent homework answers and feedback, kept on the server so nothing typed is lost. */
@Module({
  providers: [DraftsService, HomeworkDraftResolver, FeedbackDraftResolver],
})
export class DraftsModule {}
