export { AfterSalesModule } from './aftersales.module';
export { AfterSalesService, type PickupReportCase } from './aftersales.service';
