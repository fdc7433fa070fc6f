import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { DomainError } from '@anchored/domain';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** IDs are UUIDs; anything else is bad input, named by its argument. */
@Injectable()
export class ParseUuidPipe implements PipeTransform<unknown, string | undefined> {
  transform(value: unknown, metadata: ArgumentMetadata): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' || !UUID_RE.test(value)) {
      const field = metadata.data ?? 'id';
      throw DomainError.badInput(field, `${field} is not a valid id.`);
    }
    return value.toLowerCase();
  }
}
