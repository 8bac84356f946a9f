import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '../config/app-config';
import { ApiErrorBodyDto, FieldErrorDto } from './api-error-responses';

/** Swagger UI at /api/docs, the document at /api/docs-json. */
export function setupOpenApi(app: NestFastifyApplication, config: AppConfig): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Linli 邻里团购 API')
      .setDescription(
        '错误响应统一为 ApiErrorBody { code, message, requestId, fields? }; 每个响应带 X-Request-Id。',
      )
      .setVersion(config.version)
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
    { extraModels: [ApiErrorBodyDto, FieldErrorDto] },
  );
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    yamlDocumentUrl: 'api/docs-yaml',
    customSiteTitle: 'Linli API 文档',
  });
}
