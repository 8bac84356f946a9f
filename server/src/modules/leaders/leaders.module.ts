import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { AdminCommunitiesController } from './api/admin-communities.controller';
import { AdminLeaderLevelsController } from './api/admin-leader-levels.controller';
import { AdminLeadersController } from './api/admin-leaders.controller';
import { AppLeaderCommunitiesController } from './api/app-leader-communities.controller';
import { AppLeaderApplicationsController } from './api/app-leader-applications.controller';
import { CommunitiesService } from './communities.service';
import { CommunityDirectory } from './community-directory';
import { LeaderAdminService } from './leader-admin.service';
import { LeaderApplicationsService } from './leader-applications.service';
import { LeaderCustomerStats } from './leader-customer-stats';
import { LeaderLevelsService } from './leader-levels.service';
import { LeaderMetricsService } from './leader-metrics.service';
import { LeaderSalesRecorder } from './leader-sales-recorder';
import { LeaderLifecycleHooks } from './leader-lifecycle-hooks';
import { LeadersService } from './leaders.service';
import { LevelEvaluationService } from './level-evaluation.service';
import { CommunityEntity } from './persistence/community.entity';
import { LeaderDailySalesEntity } from './persistence/leader-daily-sales.entity';
import { LeaderLevelChangeEntity } from './persistence/leader-level-change.entity';
import { LeaderLevelEntity } from './persistence/leader-level.entity';
import { LeaderEntity } from './persistence/leader.entity';
import { PickupPointEntity } from './persistence/pickup-point.entity';

/**
 * Leaders (团长) and their pickup points: applications with the signed agreement, review by staff,
 * suspension, the referral tree (upline, direct recruits), levels with their daily evaluation, communities.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      LeaderEntity,
      PickupPointEntity,
      CommunityEntity,
      LeaderLevelEntity,
      LeaderLevelChangeEntity,
      LeaderDailySalesEntity,
    ]),
    AuditModule,
  ],
  controllers: [
    AppLeaderApplicationsController,
    AdminLeadersController,
    AdminLeaderLevelsController,
    AppLeaderCommunitiesController,
    AdminCommunitiesController,
  ],
  providers: [
    LeadersService,
    CommunitiesService,
    CommunityDirectory,
    LeaderApplicationsService,
    LeaderAdminService,
    LeaderLifecycleHooks,
    LeaderCustomerStats,
    LeaderLevelsService,
    LeaderMetricsService,
    LevelEvaluationService,
    LeaderSalesRecorder,
  ],
  exports: [
    LeadersService,
    CommunitiesService,
    CommunityDirectory,
    LeaderLifecycleHooks,
    LeaderCustomerStats,
    LeaderLevelsService,
    LeaderSalesRecorder,
  ],
})
export class LeadersModule {}
