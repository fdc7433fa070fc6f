import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, ErrorCode, FieldProblem } from '@anchored/domain';

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * class-validator on every input; failures become one BAD_USER_INPUT error that lists each field
 * problem, with a message that names the fields.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    // The GraphQL schema already refuses unknown input fields; whitelisting here would silently
    // drop fields that carry no class-validator decorator (e.g. those typed by a custom scalar).
    whitelist: false,
    forbidUnknownValues: false,
    validateCustomDecorators: false,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const message = fields.map((f) => f.message).join(' ');
      return new DomainError(ErrorCode.BAD_USER_INPUT, message || 'The input is not valid.', fields);
    },
  });
}
