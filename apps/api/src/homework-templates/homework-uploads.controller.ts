import { ArgumentsHost, Catch, Controller, ExceptionFilter, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, ErrorCode, MAX_UPLOAD_BYTES } from '@anchored/domain';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/decorators';
import { LoadersFactory } from '../loaders/loaders';
import { HomeworkUploadsService } from './homework-uploads.service';

const STATUS: Record<ErrorCode, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.TOO_MANY_REQUESTS]: 429,
  [ErrorCode.TWO_FACTOR_REQUIRED]: 401,
  [ErrorCode.TWO_FACTOR_INVALID]: 401,
  [ErrorCode.TWO_FACTOR_SETUP_REQUIRED]: 403,
  [ErrorCode.UPLOAD_TOO_LARGE]: 413,
  [ErrorCode.UPLOAD_TYPE_NOT_ALLOWED]: 415,
};

/** The same typed errors as the GraphQL API (code, human message, fields), as JSON with a fitting status. */
@Catch(DomainError)
class DomainErrorHttpFilter implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost) {
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(STATUS[error.code] ?? 400)
      .json({ code: error.code, message: error.message, fields: error.fields ?? [] });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the raw request body, refusing (without keeping) anything past the limit. */
async function readBody(req: Request, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  const tooLarge = () => new DomainError(ErrorCode.UPLOAD_TOO_LARGE, `The file is larger than ${limit / 1024 / 1024} MB.`, [{ field: 'file', message: 'The file is too large.' }]);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Files for homework answers, over plain HTTP with the usual access token (Authorization: Bearer):
 * the bytes travel as the request body, so the GraphQL body limit stays small and nothing is
 * base64-inflated. See docs/homework-templates.md.
 */
@Controller('homework-uploads')
@UseFilters(new DomainErrorHttpFilter())
export class HomeworkUploadsController {
  constructor(
    private readonly uploads: HomeworkUploadsService,
    private readonly loaders: LoadersFactory,
  ) {}

  /** POST /homework-uploads?assignmentId=…&fieldKey=… with the file as the body and its type as Content-Type. */
  @Post()
  async upload(@Query('assignmentId') assignmentId: unknown, @Query('fieldKey') fieldKey: unknown, @Req() req: Request, @Res() res: Response, @CurrentUser() caller: AuthUser) {
    if (typeof assignmentId !== 'string' || !UUID.test(assignmentId)) throw DomainError.badInput('assignmentId', 'assignmentId is not a valid id');
    if (typeof fieldKey !== 'string' || !fieldKey) throw DomainError.badInput('fieldKey', 'fieldKey is required');
    const body = await readBody(req, MAX_UPLOAD_BYTES);
    const stored = await this.uploads.store(caller, assignmentId, fieldKey, req.headers['content-type'] ?? '', body, this.loaders.create());
    res.status(201).set({ 'cache-control': 'no-store' }).json(stored);
  }

  /** GET /homework-uploads/:id: the file, never rendered inline by the browser. */
  @Get(':id')
  async download(@Param('id') id: string, @Res() res: Response, @CurrentUser() caller: AuthUser) {
    if (!UUID.test(id)) throw DomainError.notFound('That file');
    const file = await this.uploads.download(caller, id, this.loaders.create());
    const extension = file.contentType.split('/')[1];
    res
      .status(200)
      .set({
        'content-type': file.contentType,
        'content-length': String(file.sizeBytes),
        'content-disposition': `attachment; filename="homework-file.${extension}"`,
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
        'cache-control': 'private, no-store',
      })
      .send(file.data);
  }
}
