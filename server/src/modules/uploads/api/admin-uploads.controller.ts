import { Controller, Inject, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { UploadedFile } from '@linli/shared-types';
import { APP_CONFIG, AppConfig, ApiErrorResponses, Ctx, RequestContext } from '../../../platform';
import { UploadsService } from '../uploads.service';
import { readUploadedFile } from './read-upload';
import { UploadEndpoint } from './upload-endpoint.decorator';

@ApiTags('admin: 上传')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('admin/uploads')
export class AdminUploadsController {
  constructor(
    private readonly uploads: UploadsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** An image uploaded by any staff member (audited); returns its URL. */
  @UploadEndpoint()
  async upload(@Ctx() ctx: RequestContext, @Req() request: FastifyRequest): Promise<UploadedFile> {
    const bytes = await readUploadedFile(request, this.config.uploads.maxBytes);
    return this.uploads.storeImage(ctx, bytes);
  }
}
