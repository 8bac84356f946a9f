import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { CatalogModule } from '../catalog';
import { IdentityModule } from '../identity';
import { LeadersModule } from '../leaders';
import { MembersModule } from '../members';
import { AdminCampaignsController } from './api/admin-campaigns.controller';
import { AppCampaignsController } from './api/app-campaigns.controller';
import { AppLeaderCampaignsController } from './api/app-leader-campaigns.controller';
import { CampaignOrderingService } from './campaign-ordering.service';
import { CampaignPresenter } from './campaign-presenter';
import { CampaignShopService } from './campaign-shop.service';
import { CampaignValidator } from './campaign-validator';
import { CampaignsService } from './campaigns.service';
import { CampaignClock } from './jobs/campaign-clock.service';
import { LeaderCampaignsService } from './leader-campaigns.service';
import { CampaignLeaderDirectory, LeadersServiceDirectory } from './leader-directory';
import { CampaignAudienceTargetEntity } from './persistence/campaign-audience-target.entity';
import { CampaignItemEntity } from './persistence/campaign-item.entity';
import { CampaignEntity } from './persistence/campaign.entity';
import { PosterImages } from './poster/poster-images';

/** Group-buy campaigns: staff CRUD and status flow (by hand and by time), the buyer pages, leader sharing and posters. */
@Module({
  imports: [
    TypeOrmModule.forFeature([CampaignEntity, CampaignItemEntity, CampaignAudienceTargetEntity]),
    AuditModule,
    CatalogModule,
    IdentityModule,
    MembersModule,
    LeadersModule,
  ],
  controllers: [AdminCampaignsController, AppCampaignsController, AppLeaderCampaignsController],
  providers: [
    CampaignsService,
    CampaignOrderingService,
    CampaignShopService,
    LeaderCampaignsService,
    CampaignPresenter,
    CampaignValidator,
    CampaignClock,
    PosterImages,
    { provide: CampaignLeaderDirectory, useClass: LeadersServiceDirectory },
  ],
  exports: [CampaignsService, CampaignOrderingService],
})
export class CampaignsModule {}
