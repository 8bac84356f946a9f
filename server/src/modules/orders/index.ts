export { OrdersModule } from './orders.module';
export { ORDER_EVENTS, type OrderOutboxEvent, type OrderActor } from './order-timeline';
export {
  OrderRefundsService,
  REFUNDABLE,
  type PartialRefundRequest,
  type PartialRefundResult,
  type RefundAsk,
  type RefundQuote,
  type RefundableOrder,
  type RefundableOrderLine,
} from './order-refunds.service';
export { OrderQueries } from './order-queries.service';
export { CheckoutService } from './checkout.service';
export { OrderPaymentService } from './order-payment.service';
export { OrderLifecycleService } from './order-lifecycle.service';
export { PickupService } from './pickup.service';
export { OrderFulfillmentService, type FulfillmentOrder } from './order-fulfillment.service';
