import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { AdminUploadsController } from './api/admin-uploads.controller';
import { AppUploadsController } from './api/app-uploads.controller';
import { UploadsService } from './uploads.service';

/** Image uploads for members and staff (POST /api/app/uploads, /api/admin/uploads). */
@Module({
  imports: [AuditModule],
  controllers: [AppUploadsController, AdminUploadsController],
  providers: [UploadsService],
})
export class UploadsModule {}
