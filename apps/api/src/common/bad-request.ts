import type { ApiError } from '@mindsp/contracts';
import { BadRequestException, type ValidationError } from '@nestjs/common';

/**
 * The one 400 of the API: `{ statusCode, error, message, code, fields }`, where `fields` names each
 * wrong field with its messages, so a client can point at the input that was wrong.
 */
export function badFields(fields: Record<string, string[]>): BadRequestException {
  const body: ApiError = {
    statusCode: 400,
    error: 'Bad Request',
    message: Object.values(fields).flat(),
    code: 'validation_failed',
    fields,
  };
  return new BadRequestException(body);
}

export function badField(field: string, message: string): BadRequestException {
  return badFields({ [field]: [message] });
}

/** Flattens class-validator's tree into `{ "field.path": [messages] }`. */
function fieldErrors(errors: ValidationError[], parent = ''): Record<string, string[]> {
  return Object.assign(
    {},
    ...errors.map((error) => {
      const path = parent ? `${parent}.${error.property}` : error.property;
      const nested = fieldErrors(error.children ?? [], path);
      const own = error.constraints
        ? Object.values(error.constraints)
        : Object.keys(nested).length
          ? undefined
          : [`${path} is not valid`];
      return { ...(own ? { [path]: own } : {}), ...nested };
    }),
  );
}

/** class-validator's errors as the API's 400 (REST pipe and socket payloads alike). */
export function validationFailed(errors: ValidationError[]): BadRequestException {
  return badFields(fieldErrors(errors));
}
