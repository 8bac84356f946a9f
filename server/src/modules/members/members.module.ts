import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { IdentityModule } from '../identity';
import { LeadersModule } from '../leaders';
import { AdminLeaderMembersController, AdminMembersController } from './api/admin-members.controller';
import { AppAuthController } from './api/app-auth.controller';
import { AppMeController } from './api/app-me.controller';
import { AppPickupPointsController } from './api/app-pickup-points.controller';
import { MemberAdminService } from './member-admin.service';
import { MemberAuthService } from './member-auth.service';
import { MemberBindingsService } from './member-bindings.service';
import { MembersService } from './members.service';
import { MemberBindingEntity } from './persistence/member-binding.entity';
import { MemberEntity } from './persistence/member.entity';
import { PickupPointsService } from './pickup-points.service';

/** Members (buyers): login with source attribution, pickup point choice, binding history, staff moves. */
@Module({
  imports: [
    TypeOrmModule.forFeature([MemberEntity, MemberBindingEntity]),
    IdentityModule,
    LeadersModule,
    AuditModule,
  ],
  controllers: [
    AppAuthController,
    AppMeController,
    AppPickupPointsController,
    AdminMembersController,
    AdminLeaderMembersController,
  ],
  providers: [
    MembersService,
    MemberAuthService,
    MemberBindingsService,
    MemberAdminService,
    PickupPointsService,
  ],
  exports: [MembersService],
})
export class MembersModule {}
