export { LeadersModule } from './leaders.module';
export {
  LeadersService,
  type ActivePickupPoint,
  type NewLeader,
  type NewPickupPoint,
} from './leaders.service';
export { LeaderLifecycleHooks, type LeaderApprovedListener } from './leader-lifecycle-hooks';
export { CURRENT_LEADER_AGREEMENT } from './domain/leader-agreement';
export { LeaderSummaryDto, PickupPointSummaryDto } from './api/dto/leader-summary.dto';
