import { Global, Module } from '@nestjs/common';
import { AccessLogModule } from '../access-log/access-log.module';
import { LoadersModule } from '../loaders/loaders.module';
import { HomeworkTemplatesResolver } from './homework-templates.resolver';
import { HomeworkTemplatesService } from './homework-templates.service';
import { HomeworkUploadsController } from './homework-uploads.controller';
import { HomeworkUploadsService } from './homework-uploads.service';

/**
 * Coaches' own homework templates and the files attached to answers. Global: homework, drafts and
 * the community all ask HomeworkTemplatesService which form an assignment uses.
 */
@Global()
@Module({
  imports: [AccessLogModule, LoadersModule],
  controllers: [HomeworkUploadsController],
  providers: [HomeworkTemplatesService, HomeworkTemplatesResolver, HomeworkUploadsService],
  exports: [HomeworkTemplatesService, HomeworkUploadsService],
})
export class HomeworkTemplatesModule {}
