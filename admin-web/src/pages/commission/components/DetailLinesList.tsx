import { Flex, Tag, Typography } from 'antd';
import type { CommissionDetailLine } from '@linli/shared-types';
import { describeDetailLine, formatExactFen } from '../format';

/**
 * The lines of an entry for a narrow column (the 试算 panel): each line's name in full, then its formula,
 * rule and exact amount. DetailLinesTable shows the same in columns where there is room.
 */
export function DetailLinesList({ lines }: { lines: CommissionDetailLine[] }) {
  if (lines.length === 0) return <Typography.Text type="secondary">没有计算明细</Typography.Text>;
  return (
    <Flex vertical gap={8} data-testid="entry-details">
      {lines.map((line, index) => (
        <div
          // Lines have no id of their own; their order is their identity.
          key={index}
          style={{ background: '#fafafa', borderRadius: 6, padding: '8px 12px' }}
          data-testid="detail-line"
        >
          <Typography.Text style={{ display: 'block' }}>{line.label}</Typography.Text>
          <Flex justify="space-between" align="center" gap={8}>
            <Flex align="center" gap={8} style={{ minWidth: 0 }}>
              <Tag bordered={false} style={{ marginInlineEnd: 0 }}>
                {line.rule}
              </Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                {describeDetailLine(line)}
              </Typography.Text>
            </Flex>
            <span style={{ whiteSpace: 'nowrap' }} data-testid="detail-line-amount">
              {formatExactFen(line.amount)}
            </span>
          </Flex>
        </div>
      ))}
    </Flex>
  );
}
