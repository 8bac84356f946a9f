import { Descriptions, Typography } from 'antd';
import dayjs from 'dayjs';
import type { FailedEventDelivery } from '@linli/shared-types';

const mono = { fontFamily: 'monospace', fontSize: 12 } as const;

/** The expanded row: which event it was and the full recorded error, for the person fixing the cause. */
export function DeliveryDetail({ row }: { row: FailedEventDelivery }) {
  return (
    <div data-testid="delivery-detail">
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="事件 ID">
          <Typography.Text copyable style={mono}>
            {row.eventId}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="关联对象 ID">
          {row.aggregateId ?? <Typography.Text type="secondary">—</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label="事件发生时间">
          {row.eventOccurredAt ? (
            dayjs(row.eventOccurredAt).format('YYYY-MM-DD HH:mm:ss')
          ) : (
            <Typography.Text type="secondary">—</Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary">
        最后一次错误（最多显示 500 个字符，完整内容见服务器日志）
      </Typography.Text>
      <Typography.Paragraph
        copyable={{ text: row.lastError }}
        style={{ ...mono, whiteSpace: 'pre-wrap', wordBreak: 'break-all', marginTop: 4, marginBottom: 0 }}
      >
        {row.lastError}
      </Typography.Paragraph>
    </div>
  );
}
