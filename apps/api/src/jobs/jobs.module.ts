import { Global, Module } from '@nestjs/common';
import { JobsProducer } from './jobs-producer.service';

@Global()
@Module({ providers: [JobsProducer], exports: [JobsProducer] })
export class JobsModule {}
