import { Module } from '@nestjs/common';
import { CurriculumResolver } from './curriculum.resolver';

@Module({ providers: [CurriculumResolver] })
export class CurriculumModule {}
