import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../common/decorators';
import { CalendarService } from './calendar.service';

/** Personal iCalendar feeds: the secret in the URL is the credential, so calendar apps can subscribe. */
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  /** One session as an .ics file ("Add to calendar"): the signed link (Session.calendarFileUrl) is the credential. */
  @Public()
  @Get('sessions/:file')
  async event(@Param('file') file: string, @Query() query: Record<string, unknown>, @Res() res: Response) {
    const match = /^([0-9a-f-]{36})\.ics$/i.exec(file);
    const event = match ? await this.calendar.eventFile(match[1], query) : null;
    if (event === null) throw new NotFoundException('No session at this address, or the link has expired. Open the session in the app and add it again.');
    res
      .status(200)
      .set({
        'content-type': 'text/calendar; charset=utf-8',
        'cache-control': 'private, no-store',
        'referrer-policy': 'no-referrer',
        'content-disposition': `attachment; filename="${event.filename}"`,
      })
      .send(event.body);
  }

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
