export { OrdersModule } from './orders.module';
export { ORDER_EVENTS, type OrderOutboxEvent } from './order-timeline';
export { OrderQueries } from './order-queries.service';
