import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { CalendarResolver, SessionCalendarResolver } from './calendar.resolver';
import { CalendarService } from './calendar.service';

@Module({ controllers: [CalendarController], providers: [CalendarService, CalendarResolver, SessionCalendarResolver] })
export class CalendarModule {}
