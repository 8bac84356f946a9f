export { CampaignsModule } from './campaigns.module';
export { CampaignsService, type NewCampaign } from './campaigns.service';
export { shanghaiDate, shanghaiTime, addDays, type CampaignItemDraft } from './domain/campaign-rules';
