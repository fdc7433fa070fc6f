import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@anchored/config';
import { DomainError, Permission } from '@anchored/domain';
import { Requires } from '../access/requires.decorator';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/decorators';
import { APP_CONFIG } from '../config.module';
import { JobsProducer } from '../jobs/jobs-producer.service';
import { QUEUE_DASHBOARD_PATH, issueDashboardTicket } from './queue-dashboard';

@Resolver()
export class QueueDashboardResolver {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly producer: JobsProducer,
  ) {}

  @Requires(Permission.ADMINISTER)
  @Query(() => String, { description: 'ADMIN: a link that opens the queue dashboard once, within 2 minutes, for as long as this login lasts' })
  async queueDashboardUrl(@CurrentUser() caller: AuthUser): Promise<string> {
    if (!this.producer.enabled) throw DomainError.conflict('The queue dashboard needs Redis (REDIS_URL), which this API does not have.');
    // The dashboard lives and dies with this login: logging out (revoking the family) closes it.
    if (!caller.sessionFamilyId) throw DomainError.forbidden('Log in again to open the queue dashboard.');
    const ticket = await issueDashboardTicket(this.db, caller.id, caller.sessionFamilyId, 120);
    return `${this.config.publicUrl}${QUEUE_DASHBOARD_PATH}?ticket=${ticket}`;
  }
}
