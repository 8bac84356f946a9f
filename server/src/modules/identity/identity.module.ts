import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { AdminAuditLogsController } from './api/admin-audit-logs.controller';
import { AdminAuthController } from './api/admin-auth.controller';
import { AdminStaffController } from './api/admin-staff.controller';
import { AuthGuard } from './auth/auth.guard';
import { RefreshTokenEntity } from './persistence/refresh-token.entity';
import { StaffEntity } from './persistence/staff.entity';
import { StaffAuthService } from './staff-auth.service';
import { StaffService } from './staff.service';
import { TokenService } from './tokens/token.service';
import { WechatClient } from './wechat/wechat.client';

/** Staff accounts, roles and permissions, tokens, the global auth guard and the WeChat login client. */
@Module({
  imports: [
    TypeOrmModule.forFeature([StaffEntity, RefreshTokenEntity]),
    // Secret and lifetime are passed per call from APP_CONFIG (see TokenService).
    JwtModule.register({}),
    AuditModule,
  ],
  controllers: [AdminAuthController, AdminStaffController, AdminAuditLogsController],
  providers: [
    TokenService,
    StaffService,
    StaffAuthService,
    WechatClient,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenService, StaffService, WechatClient],
})
export class IdentityModule {}
