import { Card, Timeline, Typography } from 'antd';
import { ORDER_EVENT_LABELS, type OrderTimelineEntry } from '@linli/shared-types';
import { ORDER_EVENT_COLORS, orderActorLabel } from '../../../labels/orders';
import { shanghaiTime } from '../service';

/** 订单日志: every move of the order, oldest first, with who made it and their note (e.g. the reason). */
export function OrderTimelineCard({ timeline }: { timeline: OrderTimelineEntry[] }) {
  return (
    <Card title="订单日志" variant="borderless">
      <Timeline
        style={{ marginTop: 8, marginBottom: -24 }}
        data-testid="order-timeline"
        items={timeline.map((entry) => ({
          key: entry.id,
          color: ORDER_EVENT_COLORS[entry.type] ?? 'gray',
          children: (
            <div data-testid="order-timeline-entry" data-type={entry.type}>
              <Typography.Text strong>{ORDER_EVENT_LABELS[entry.type] ?? entry.type}</Typography.Text>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {shanghaiTime(entry.at, 'YYYY-MM-DD HH:mm:ss')} ·{' '}
                {orderActorLabel(entry.actorType, entry.actorName)}
              </Typography.Text>
              {entry.note && (
                <Typography.Paragraph
                  style={{
                    margin: '6px 0 0',
                    padding: '6px 10px',
                    background: '#f8fafc',
                    borderRadius: 6,
                    fontSize: 13,
                  }}
                >
                  {entry.note}
                </Typography.Paragraph>
              )}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
