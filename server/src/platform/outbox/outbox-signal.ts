import { Injectable } from '@nestjs/common';

/** Tells the relay "new events were committed" without a dependency cycle service ↔ relay. */
@Injectable()
export class OutboxSignal {
  private listener: (() => void) | null = null;

  onNudge(listener: () => void): void {
    this.listener = listener;
  }

  nudge(): void {
    this.listener?.();
  }
}
