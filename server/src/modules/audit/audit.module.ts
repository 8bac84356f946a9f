import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditService } from './audit.service';
import { AuditLogEntity } from './persistence/audit-log.entity';

/**
 * The audit log of staff writes. It has no controller of its own: the viewer lives with staff
 * administration in identity, so audit depends on nothing and every context can record into it.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AuditLogEntity])],
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}
