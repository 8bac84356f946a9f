import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { AdminLeadersController } from './api/admin-leaders.controller';
import { AppLeaderApplicationsController } from './api/app-leader-applications.controller';
import { LeaderAdminService } from './leader-admin.service';
import { LeaderApplicationsService } from './leader-applications.service';
import { LeaderLifecycleHooks } from './leader-lifecycle-hooks';
import { LeadersService } from './leaders.service';
import { LeaderEntity } from './persistence/leader.entity';
import { PickupPointEntity } from './persistence/pickup-point.entity';

/**
 * Leaders (团长) and their pickup points: applications with the signed agreement, review by staff,
 * suspension, the referral tree (upline, direct recruits). Levels and communities come later in issue 3.
 */
@Module({
  imports: [TypeOrmModule.forFeature([LeaderEntity, PickupPointEntity]), AuditModule],
  controllers: [AppLeaderApplicationsController, AdminLeadersController],
  providers: [LeadersService, LeaderApplicationsService, LeaderAdminService, LeaderLifecycleHooks],
  exports: [LeadersService, LeaderLifecycleHooks],
})
export class LeadersModule {}
