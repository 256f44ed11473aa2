import { buildMessage, ValidateBy } from 'class-validator';

/** PostgreSQL text cannot hold NUL: refused here with a 400, instead of failing the query with a 500. */
export function NoNul(): PropertyDecorator {
  return ValidateBy({
    name: 'noNul',
    validator: {
      validate: (value: unknown) =>
        typeof value !== 'string' || !value.includes(String.fromCharCode(0)),
      defaultMessage: buildMessage(
        (prefix) => `${prefix}$property must not contain NUL characters`,
      ),
    },
  });
}
