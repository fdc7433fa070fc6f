import { Inject } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Query, Resolver } from '@nestjs/graphql';
import type { AppConfig } from '@anchored/config';
import { DomainError, Role } from '@anchored/domain';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Roles } from '../common/decorators';
import { APP_CONFIG } from '../config.module';
import { JobsProducer } from '../jobs/jobs-producer.service';
import { QUEUE_DASHBOARD_PATH, signDashboardTicket } from './queue-dashboard';

@Resolver()
export class QueueDashboardResolver {
  private readonly jwt = new JwtService({});

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly producer: JobsProducer,
  ) {}

  @Roles(Role.ADMIN)
  @Query(() => String, { description: 'ADMIN: a link (valid 2 minutes) that opens the queue dashboard' })
  async queueDashboardUrl(@CurrentUser() caller: AuthUser): Promise<string> {
    if (!this.producer.enabled) throw DomainError.conflict('The queue dashboard needs Redis (REDIS_URL), which this API does not have.');
    const ticket = await signDashboardTicket(this.jwt, this.config, caller.id, 120);
    return `${this.config.publicUrl}${QUEUE_DASHBOARD_PATH}?ticket=${ticket}`;
  }
}
