export { CommissionModule } from './commission.module';
export { CommissionQueries } from './commission-queries.service';
export { MonthCloseService } from './month-close.service';
export { RuleSetsService } from './rule-sets.service';
