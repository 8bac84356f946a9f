import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { HealthResponse } from '@linli/shared-types';
import { Public } from '../http/public.decorator';
import { HealthResponseDto } from './health.dto';
import { HealthService } from './health.service';

@ApiTags('system')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: '健康检查: 数据库、Redis、队列' })
  @ApiOkResponse({ type: HealthResponseDto, description: 'ok 或 degraded' })
  @ApiServiceUnavailableResponse({ type: HealthResponseDto, description: '数据库不可用' })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponse> {
    const result = await this.health.check();
    void reply.header('Cache-Control', 'no-store');
    if (result.status === 'down') void reply.status(503);
    return result;
  }
}
