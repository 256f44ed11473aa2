import { GENERAL_ERROR_CODES } from '@mindsp/contracts';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** ApiError of libs/contracts, as every error of every route answers it (common/error-body.ts). */
const API_ERROR: SchemaObject = {
  type: 'object',
  required: ['statusCode', 'error', 'message', 'code'],
  properties: {
    statusCode: { type: 'integer' },
    error: { type: 'string' },
    message: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    code: {
      type: 'string',
      description: `One of ${GENERAL_ERROR_CODES.join(', ')}, or a feature's own (FileErrorCode)`,
    },
    fields: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
    retryAfterSeconds: { type: 'integer' },
  },
};

/**
 * The API's OpenAPI document: what /api/docs serves, and what the SPA's REST client and types
 * are generated from (apps/web/scripts/api-client.mjs), so a route exists in one place. Every
 * operation's errors (declared or not: 400, 401, 429, 503 can answer any route) are ApiError.
 */
export function apiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('MindSP Messaging API')
      .setDescription('Messaging, presence and notifications for fire and rescue services')
      .setVersion('1.0')
      .addBearerAuth()
      .build(),
  );
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ApiError: API_ERROR },
  };
  const content = { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } };
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.get, item.post, item.put, item.patch, item.delete]) {
      if (!operation) continue;
      for (const [status, response] of Object.entries(operation.responses)) {
        if (response && !/^2/.test(status) && !('$ref' in response)) response.content = content;
      }
      operation.responses.default = { description: 'An error (ApiError)', content };
    }
  }
  return document;
}
