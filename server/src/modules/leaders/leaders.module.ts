import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { LeadersService } from './leaders.service';
import { LeaderEntity } from './persistence/leader.entity';
import { PickupPointEntity } from './persistence/pickup-point.entity';

/** Leaders (团长) and their pickup points. Applications, levels and the referral tree come with issue 3. */
@Module({
  imports: [TypeOrmModule.forFeature([LeaderEntity, PickupPointEntity]), AuditModule],
  providers: [LeadersService],
  exports: [LeadersService],
})
export class LeadersModule {}
