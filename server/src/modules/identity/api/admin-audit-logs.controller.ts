import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuditLogEntry, Paged } from '@linli/shared-types';
import { ApiErrorResponses, Ctx, RequestContext } from '../../../platform';
import { AuditService } from '../../audit';
import { RequirePermissions } from '../auth/require-permissions.decorator';
import { AuditLogPageDto, AuditLogQueryDto } from './dto/audit-log.dto';

/** The audit log viewer, with staff administration (audit itself has no dependencies). */
@ApiTags('admin: 审计日志')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('admin/audit-logs')
export class AdminAuditLogsController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermissions('audit.read')
  @ApiOkResponse({ type: AuditLogPageDto })
  list(@Ctx() ctx: RequestContext, @Query() query: AuditLogQueryDto): Promise<Paged<AuditLogEntry>> {
    return this.audit.list(ctx, query);
  }
}
