export { CampaignsModule } from './campaigns.module';
export { CampaignsService, type NewCampaign } from './campaigns.service';
export {
  CampaignOrderingService,
  type CampaignHeader,
  type OrderingCampaign,
  type OrderingItem,
  type SaleLine,
} from './campaign-ordering.service';
export type { CampaignItemDraft } from './domain/campaign-rules';
export {
  priceCampaignLines,
  remainingOf,
  MAX_LINE_QUANTITY,
  type CartLine,
  type PricedLine,
  type PricingItem,
  type PricingResult,
  type LineProblem,
  type LineProblemKind,
} from './domain/campaign-pricing';
export { isOfferedAt, type AudienceLeader } from './domain/campaign-audience';
