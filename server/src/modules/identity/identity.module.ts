import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../../platform';
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
    // Lifetimes are passed per call from APP_CONFIG (see TokenService).
    // The secret as a KeyObject made once: given a string, jsonwebtoken tries to parse it as a public key
    // (and fails, expensively) on every verification.
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const key = createSecretKey(Buffer.from(config.jwt.secret, 'utf8'));
        return { secretOrKeyProvider: () => key };
      },
    }),
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
