import { applyDecorators, Post } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiPayloadTooLargeResponse,
} from '@nestjs/swagger';
import { ApiErrorBodyDto } from '../../../platform';
import { UploadedFileDto, UploadRequestBodyDto } from './dto/uploaded-file.dto';
import { UPLOAD_ROUTE_CONFIG } from './upload-route-config';

/** POST with a multipart `file`: route, multipart + rate limit config and OpenAPI, shared by both areas. */
export function UploadEndpoint(): MethodDecorator {
  return applyDecorators(
    Post(),
    RouteConfig(UPLOAD_ROUTE_CONFIG),
    ApiConsumes('multipart/form-data'),
    ApiBody({ type: UploadRequestBodyDto }),
    ApiCreatedResponse({ type: UploadedFileDto }),
    ApiBadRequestResponse({
      description: 'UPLOAD_FILE_MISSING：没有 file 字段；UPLOAD_TYPE_NOT_ALLOWED：内容不是 JPG/PNG/WebP',
      type: ApiErrorBodyDto,
    }),
    ApiPayloadTooLargeResponse({ description: 'PAYLOAD_TOO_LARGE：超过 5 MB', type: ApiErrorBodyDto }),
  );
}
