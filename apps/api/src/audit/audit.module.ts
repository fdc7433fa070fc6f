import { Module } from '@nestjs/common';
import { CohortAuditResolver } from './cohort-audit.resolver';
import { CohortAuditService } from './cohort-audit.service';

@Module({ providers: [CohortAuditService, CohortAuditResolver], exports: [CohortAuditService] })
export class AuditModule {}
