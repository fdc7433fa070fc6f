import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../common/decorators';
import { DataExportService } from './data-export.service';

/**
 * Downloads of data exports: the secret in the link is the credential (no Authorization header),
 * so a browser can simply follow it. Logged without the secret (common/logging.ts redactUrl).
 */
@Controller('exports')
export class DataExportController {
  constructor(private readonly exports: DataExportService) {}

  @Public()
  @Get(':id')
  async download(@Param('id') id: string, @Query('token') token: unknown, @Res() res: Response) {
    const file = await this.exports.download(id, token);
    if (!file) throw new NotFoundException('No download at this address: the link is wrong or older than 24 hours. Ask for a new export in your settings.');
    res
      .status(200)
      .set({
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="${file.filename}"`,
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
      })
      .send(file.json);
  }
}
