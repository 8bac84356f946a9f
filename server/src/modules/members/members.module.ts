import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { IdentityModule } from '../identity';
import { LeadersModule } from '../leaders';
import { AdminLeaderMembersController, AdminMembersController } from './api/admin-members.controller';
import {
  AdminMemberTagsController,
  AdminTagGroupsController,
  AdminTagsController,
} from './api/admin-tags.controller';
import { AppAuthController } from './api/app-auth.controller';
import { AppCommunitiesController } from './api/app-communities.controller';
import { AppLeaderCustomersController } from './api/app-leader-customers.controller';
import { AppMeController } from './api/app-me.controller';
import { AppPickupPointsController } from './api/app-pickup-points.controller';
import { CommunityJoinsService } from './community-joins.service';
import { LeaderCustomersService } from './leader-customers.service';
import { MemberLeaderCustomerStats } from './leader-customer-stats.provider';
import { MemberAdminService } from './member-admin.service';
import { MemberAuthService } from './member-auth.service';
import { MemberBindingsService } from './member-bindings.service';
import { MemberPhoneService } from './member-phone.service';
import { MemberTagsService } from './member-tags.service';
import { MembersService } from './members.service';
import { CommunityMembershipEntity } from './persistence/community-membership.entity';
import { MemberBindingEntity } from './persistence/member-binding.entity';
import { MemberEntity } from './persistence/member.entity';
import { MemberTagEntity } from './persistence/member-tag.entity';
import { TagGroupEntity } from './persistence/tag-group.entity';
import { TagEntity } from './persistence/tag.entity';
import { PickupPointsService } from './pickup-points.service';
import { TagsService } from './tags.service';

/** Members (buyers): login with source attribution, pickup point choice, binding history, staff moves. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      MemberEntity,
      MemberBindingEntity,
      TagGroupEntity,
      TagEntity,
      MemberTagEntity,
      CommunityMembershipEntity,
    ]),
    IdentityModule,
    LeadersModule,
    AuditModule,
  ],
  controllers: [
    AppAuthController,
    AppMeController,
    AppPickupPointsController,
    AppCommunitiesController,
    AppLeaderCustomersController,
    AdminMembersController,
    AdminLeaderMembersController,
    AdminTagGroupsController,
    AdminTagsController,
    AdminMemberTagsController,
  ],
  providers: [
    MembersService,
    MemberAuthService,
    MemberBindingsService,
    MemberAdminService,
    MemberLeaderCustomerStats,
    MemberPhoneService,
    PickupPointsService,
    CommunityJoinsService,
    LeaderCustomersService,
    TagsService,
    MemberTagsService,
  ],
  exports: [MembersService, TagsService, MemberTagsService],
})
export class MembersModule {}
