import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { CatalogModule } from '../catalog';
import { LeadersModule } from '../leaders';
import { MembersModule } from '../members';
import { AppCampaignsController } from './api/app-campaigns.controller';
import { CampaignsService } from './campaigns.service';
import { CampaignItemEntity } from './persistence/campaign-item.entity';
import { CampaignEntity } from './persistence/campaign.entity';

/** Group-buy campaigns. Admin editing, status jobs, audiences and posters come with issue 4. */
@Module({
  imports: [
    TypeOrmModule.forFeature([CampaignEntity, CampaignItemEntity]),
    AuditModule,
    CatalogModule,
    MembersModule,
    LeadersModule,
  ],
  controllers: [AppCampaignsController],
  providers: [CampaignsService],
  exports: [CampaignsService],
})
export class CampaignsModule {}
