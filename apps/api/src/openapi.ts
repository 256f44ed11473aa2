import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/**
 * The API's OpenAPI document: what /api/docs serves, and what the SPA's REST client and types
 * are generated from (apps/web/scripts/api-client.ts), so a route exists in one place.
 */
export function apiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('MindSP Messaging API')
      .setDescription('Messaging, presence and notifications for fire and rescue services')
      .setVersion('1.0')
      .addBearerAuth()
      .build(),
  );
}
