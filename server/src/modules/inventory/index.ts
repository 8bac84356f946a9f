export { InventoryModule } from './inventory.module';
export { InventoryService, type OrderStockRequest } from './inventory.service';
export { LOW_STOCK_EVENT, type ReservationBooking, type ReservationStep } from './stock-ledger';
export type { OrderLine } from './domain/movement-rules';
