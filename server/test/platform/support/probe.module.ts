import { Body, Controller, Get, Injectable, Module, Post } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiCreatedResponse, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsInt, IsString, Min, MinLength, ValidateNested } from 'class-validator';
import type { EntityManager } from 'typeorm';
import {
  ApiErrorResponses,
  BusinessError,
  Ctx,
  JobHandler,
  OnOutboxEvent,
  OutboxService,
  Public,
  TransactionRunner,
  type OutboxEvent,
  type RequestContext,
} from '../../../src/platform';

declare module '../../../src/platform' {
  interface JobPayloads {
    'probe.echo': { text: string };
  }
}

class ProbeItemDto {
  @ApiProperty() @IsInt() @Min(1) quantity!: number;
}

export class ProbeOrderDto {
  @ApiProperty() @IsString() @MinLength(2) name!: string;
  @ApiProperty({ type: [ProbeItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => ProbeItemDto)
  items!: ProbeItemDto[];
}

/** Records what the probe handlers saw, so tests can assert on side effects. */
@Injectable()
export class ProbeRecorder {
  readonly echoes: string[] = [];
  readonly handled: string[] = [];
  failNextEchoes = 0;
}

@Injectable()
export class ProbeHandlers {
  constructor(private readonly recorder: ProbeRecorder) {}

  @JobHandler('probe.echo')
  async echo(data: { text: string }): Promise<void> {
    if (this.recorder.failNextEchoes > 0) {
      this.recorder.failNextEchoes -= 1;
      throw new Error('probe failure');
    }
    this.recorder.echoes.push(data.text);
  }

  @OnOutboxEvent('probe.happened', 'probe.recordHappened')
  async onHappened(event: OutboxEvent, _manager: EntityManager): Promise<void> {
    this.recorder.handled.push(String(event.payload.note));
  }
}

/** A test-only controller exercising the platform's HTTP behaviour. */
@Controller('probe')
export class ProbeController {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxService,
  ) {}

  @Public()
  @Get('context')
  context(@Ctx() ctx: RequestContext): RequestContext {
    return ctx;
  }

  @Public()
  @Post('orders')
  @ApiCreatedResponse({ type: ProbeOrderDto })
  @ApiErrorResponses(400)
  order(@Body() body: ProbeOrderDto): ProbeOrderDto {
    return body;
  }

  @Public()
  @Get('business-error')
  businessError(): never {
    throw new BusinessError('PROBE_SOLD_OUT', '已售罄', 409);
  }

  @Public()
  @Get('crash')
  crash(): never {
    throw new Error('secret internal detail');
  }

  @Public()
  @RouteConfig({ rateLimit: { max: 2, timeWindow: '1 minute' } })
  @Get('limited')
  limited(): { ok: true } {
    return { ok: true };
  }

  @Public()
  @Post('events')
  async publish(@Body() body: { note: string; fail?: boolean }): Promise<{ ok: true }> {
    await this.transactions.run(async (manager) => {
      await this.outbox.publish(manager, { type: 'probe.happened', payload: { note: body.note } });
      if (body.fail) throw new BusinessError('PROBE_ROLLED_BACK', '已回滚', 409);
    });
    return { ok: true };
  }
}

@Module({
  controllers: [ProbeController],
  providers: [ProbeRecorder, ProbeHandlers],
})
export class ProbeModule {}
