import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { CatalogModule } from '../catalog';
import { IdentityModule } from '../identity';
import { LeadersModule } from '../leaders';
import { MembersModule } from '../members';
import { OrdersModule } from '../orders';
import { PaymentsModule } from '../payments';
import { AdjustmentsService } from './adjustments.service';
import { AdminCommissionLedgerController } from './api/admin-commission-ledger.controller';
import { AdminCommissionRulesController } from './api/admin-commission-rules.controller';
import { AdminWithdrawalsController } from './api/admin-withdrawals.controller';
import { AppLeaderCommissionController } from './api/app-leader-commission.controller';
import { CommissionLedger } from './commission-ledger';
import { CommissionQueries } from './commission-queries.service';
import { CommissionClock } from './jobs/commission-clock';
import { LeaderScope } from './leader-scope';
import { MonthCloseService } from './month-close.service';
import { OrderCommissionService } from './order-commission.service';
import { PayoutConfirmations } from './payout-confirmations';
import { CommissionAccountEntity } from './persistence/commission-account.entity';
import { CommissionEntryEntity } from './persistence/commission-entry.entity';
import { CommissionOrderEntity } from './persistence/commission-order.entity';
import { MonthCloseEntity } from './persistence/month-close.entity';
import { RuleSetEntity } from './persistence/rule-set.entity';
import { WithdrawalEntity } from './persistence/withdrawal.entity';
import { RuleSetTrialsService } from './rule-set-trials.service';
import { RuleSetsService } from './rule-sets.service';
import { StatementsService } from './statements.service';
import { WithdrawalPayouts } from './withdrawal-payouts';
import { WithdrawalsService } from './withdrawals.service';

/**
 * Commission (佣金): versioned rule sets, the append-only ledger written from order events, statements,
 * withdrawals and their payouts. See docs/commission.md.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      RuleSetEntity,
      CommissionEntryEntity,
      CommissionOrderEntity,
      CommissionAccountEntity,
      WithdrawalEntity,
      MonthCloseEntity,
    ]),
    AuditModule,
    IdentityModule,
    CatalogModule,
    LeadersModule,
    MembersModule,
    OrdersModule,
    PaymentsModule,
  ],
  controllers: [
    AdminCommissionRulesController,
    AdminCommissionLedgerController,
    AdminWithdrawalsController,
    AppLeaderCommissionController,
  ],
  providers: [
    AdjustmentsService,
    CommissionClock,
    CommissionLedger,
    CommissionQueries,
    LeaderScope,
    MonthCloseService,
    OrderCommissionService,
    PayoutConfirmations,
    RuleSetTrialsService,
    RuleSetsService,
    StatementsService,
    WithdrawalPayouts,
    WithdrawalsService,
  ],
  exports: [CommissionQueries, MonthCloseService, RuleSetsService],
})
export class CommissionModule {}
