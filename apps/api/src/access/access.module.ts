import { Global, Module } from '@nestjs/common';
import { LoadersModule } from '../loaders/loaders.module';
import { AccessService } from './access.service';

/** Access is asked everywhere, so the service (and the loaders factory for work outside a request) is global. */
@Global()
@Module({
  imports: [LoadersModule],
  providers: [AccessService],
  exports: [AccessService, LoadersModule],
})
export class AccessModule {}
