import {
  type ArgumentMetadata,
  Injectable,
  type PipeTransform,
  applyDecorators,
} from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsUUID, isUUID } from 'class-validator';
import { badField } from './bad-request';

/*
 * Every id is canonical (lower-case UUID) from the moment it enters. PostgreSQL compares uuids
 * whatever their case, but room names, map keys and `===` do not: an upper-case id that reached
 * them matched the database and missed every room (issue 6.1).
 */

function lowerCase(value: unknown): unknown {
  if (typeof value === 'string') return value.toLowerCase();
  if (Array.isArray(value)) return value.map((item) => lowerCase(item));
  return value;
}

/** A route param that is an id: 400 naming the param unless it is a UUID; lower case after. */
@Injectable()
export class CanonicalUuidPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, { data }: ArgumentMetadata): string {
    const name = data ?? 'id';
    if (typeof value !== 'string' || !isUUID(value)) throw badField(name, `${name} must be a UUID`);
    return value.toLowerCase();
  }
}

/** A DTO field holding an id (or, with `each`, a list of ids): a UUID, lower-cased on the way in. */
export function CanonicalUuid(options: { each?: boolean } = {}): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => lowerCase(value)),
    IsUUID('all', {
      each: options.each,
      message: options.each ? '$property must hold UUIDs only' : '$property must be a UUID',
    }),
  );
}
