import { Typography } from 'antd';
import type { Fen } from '@linli/shared-types';
import { amountTone, signedFen } from '../format';

const COLORS = { positive: '#16a34a', negative: '#dc2626', zero: undefined } as const;

/** A ledger amount: green with a plus when money comes in, red with a minus when it goes out or back. */
export function SignedAmount({
  amount,
  strong,
  testId = 'commission-amount',
}: {
  amount: Fen;
  strong?: boolean;
  testId?: string;
}) {
  return (
    <Typography.Text
      strong={strong}
      style={{ color: COLORS[amountTone(amount)], whiteSpace: 'nowrap' }}
      data-testid={testId}
      data-amount={amount}
    >
      {signedFen(amount)}
    </Typography.Text>
  );
}
