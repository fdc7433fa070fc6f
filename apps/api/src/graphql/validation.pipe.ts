import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, ErrorCode, FieldProblem } from '@anchored/domain';
import { findInputProblem } from '../common/text';

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** @nestjs/graphql's numeric param type for @Args (ROOT 0, CONTEXT 1, INFO 2, ARGS 3). */
const GQL_ARGS = 3;

/**
 * Validates what callers send (GraphQL arguments, HTTP body/query/params) and nothing else. As a
 * global pipe, ValidationPipe would otherwise also run class-transformer and class-validator on
 * every field resolver's parent object, thousands of times per dashboard request.
 */
class InputValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const type = metadata.type as string | number;
    if (type === 'body' || type === 'query' || type === 'param') {
      // GraphQL input is checked once for the whole request (input-guard.plugin); HTTP input here.
      const problem = findInputProblem(value, metadata.data ?? '');
      if (problem) throw new DomainError(ErrorCode.BAD_USER_INPUT, problem.message, [problem]);
    }
    if (type === GQL_ARGS || type === 'body' || type === 'query' || type === 'param') return super.transform(value, metadata);
    return Promise.resolve(value);
  }
}

/**
 * class-validator on every input; failures become one BAD_USER_INPUT error that lists each field
 * problem, with a message that names the fields.
 */
export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
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
