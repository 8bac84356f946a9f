export { LeadersModule } from './leaders.module';
export {
  LeadersService,
  type LeaderIdentity,
  type ActivePickupPoint,
  type NewLeader,
  type NewPickupPoint,
} from './leaders.service';
export { CommunitiesService } from './communities.service';
export { CommunityDirectory, type CommunityRef, type JoinableCommunity } from './community-directory';
export { LeaderLifecycleHooks, type LeaderApprovedListener } from './leader-lifecycle-hooks';
export { LeaderCustomerStats, type LeaderCustomerStatsProvider } from './leader-customer-stats';
export { LeaderLevelsService, type LevelChangeRecord } from './leader-levels.service';
export type { LevelRung } from './domain/level-evaluation';
export { LeaderSalesRecorder } from './leader-sales-recorder';
export { CURRENT_LEADER_AGREEMENT } from './domain/leader-agreement';
export { LeaderSummaryDto, PickupPointSummaryDto } from './api/dto/leader-summary.dto';
