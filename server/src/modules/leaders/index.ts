export { LeadersModule } from './leaders.module';
export { LeadersService, type NewLeader, type NewPickupPoint } from './leaders.service';
export { LeaderStatus } from './domain/leader-status';
export { LeaderSummaryDto, PickupPointSummaryDto } from './api/dto/leader-summary.dto';
