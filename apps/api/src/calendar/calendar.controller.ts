import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../common/decorators';
import { CalendarService } from './calendar.service';

/** Personal iCalendar feeds: the secret in the URL is the credential, so calendar apps can subscribe. */
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Public()
  @Get(':file')
  async feed(@Param('file') file: string, @Res() res: Response) {
    const match = /^([A-Za-z0-9_-]{16,64})\.ics$/.exec(file);
    const body = match ? await this.calendar.feedFor(match[1]) : null;
    if (body === null) throw new NotFoundException('No calendar at this address. Copy the current link from the app.');
    res
      .status(200)
      .set({ 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, max-age=300', 'content-disposition': 'inline; filename="anchored.ics"' })
      .send(body);
  }
}
