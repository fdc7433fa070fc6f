import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { CalendarResolver } from './calendar.resolver';
import { CalendarService } from './calendar.service';

@Module({ controllers: [CalendarController], providers: [CalendarService, CalendarResolver] })
export class CalendarModule {}
