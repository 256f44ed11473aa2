import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { badField, validationFailed } from './bad-request';
import { shapeProblem } from './payload-shape';

/** The REST validation pipe: bounded shape first, then whitelist, transform and the DTO's rules. */
class BoundedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata) {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const problem = shapeProblem(value);
      if (problem) throw badField(metadata.type, `${metadata.type} has ${problem}`);
    }
    return super.transform(value, metadata);
  }
}

export const validationPipe = new BoundedValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: validationFailed,
});
