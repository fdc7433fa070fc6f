import { Module } from '@nestjs/common';
import { CohortsModule } from '../cohorts/cohorts.module';
import { ProgressResolver } from './progress.resolver';
import { ProgressService } from './progress.service';

@Module({ imports: [CohortsModule], providers: [ProgressService, ProgressResolver] })
export class ProgressModule {}
