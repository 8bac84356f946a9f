import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { OrderDetail } from '@linli/shared-types';
import { ApiErrorResponses, BusinessError, Ctx, RequestContext } from '../../../platform';
import { OrderPaymentService } from '../order-payment.service';
import { OrderDetailDto } from './dto/order-view.dto';

const OUT_TRADE_NO = /^[0-9A-Za-z_-]{6,32}$/;

/** The simulated payment sheet's 确认支付 (PAYMENT_PROVIDER=simulator only; 404 otherwise). */
@ApiTags('app: 订单')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('app/payments/simulator')
export class AppPaymentSimulatorController {
  constructor(private readonly payment: OrderPaymentService) {}

  @Post(':outTradeNo/pay')
  @HttpCode(200)
  @ApiOkResponse({
    type: OrderDetailDto,
    description: '模拟买家完成支付：生成签名加密的支付通知并走真实的验签流程',
  })
  pay(@Ctx() ctx: RequestContext, @Param('outTradeNo') outTradeNo: string): Promise<OrderDetail> {
    if (!OUT_TRADE_NO.test(outTradeNo))
      throw new BusinessError('VALIDATION_FAILED', '支付单号格式不正确', 400);
    return this.payment.simulatePay(ctx, outTradeNo);
  }
}
