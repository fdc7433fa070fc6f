import { Module } from '@nestjs/common';
import { QueueDashboardResolver } from './queue-dashboard.resolver';

@Module({ providers: [QueueDashboardResolver] })
export class QueueDashboardModule {}
