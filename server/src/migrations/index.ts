import type { MigrationInterface } from 'typeorm';
import { PlatformTables1763856000001 } from './0001-platform-tables';
import { BusinessFoundation1763856000002 } from './0002-business-foundation';
import { OutboxRedelivery1763856000003 } from './0003-outbox-redelivery';
import { LeaderApplications1763856000004 } from './0004-leader-applications';
import { MemberAttribution1763856000005 } from './0005-member-attribution';
import { LevelsCommunitiesTags1763856000006 } from './0006-levels-communities-tags';
import { MemberListIndexes1763856000007 } from './0007-member-list-indexes';
import { MemberPhoneTail1763856000008 } from './0008-member-phone-tail';
import { CatalogInventoryCampaigns1763856000009 } from './0009-catalog-inventory-campaigns';
import { OrdersPayments1763856000010 } from './0010-orders-payments';
import { Commission1763856000011 } from './0011-commission';
import { Fulfillment1763856000012 } from './0012-fulfillment';
import { AfterSales1763856000013 } from './0013-aftersales';

/** Every migration, in order. Add new ones at the end; never edit one that has been released. */
export const MIGRATIONS: Array<new () => MigrationInterface> = [
  PlatformTables1763856000001,
  BusinessFoundation1763856000002,
  OutboxRedelivery1763856000003,
  LeaderApplications1763856000004,
  MemberAttribution1763856000005,
  LevelsCommunitiesTags1763856000006,
  MemberListIndexes1763856000007,
  MemberPhoneTail1763856000008,
  CatalogInventoryCampaigns1763856000009,
  OrdersPayments1763856000010,
  Commission1763856000011,
  Fulfillment1763856000012,
  AfterSales1763856000013,
];
