import { Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import type { BindingChange, BindingReason } from '@linli/shared-types';
import { formatDateTime } from '../../../utils/format';
import { bindingActor, bindingPath, bindingReasonLabel } from '../service';
import { LeaderLink } from './MemberBits';

const REASON_COLORS: Record<BindingReason, string> = {
  entry_link: 'blue',
  buyer_switch: 'cyan',
  staff_move: 'orange',
  leader_approved: 'green',
};

function Change({ change }: { change: BindingChange }) {
  const path = bindingPath(change);
  return (
    <div data-testid="binding-row" data-reason={change.reason}>
      <Flex gap={8} align="center" wrap>
        {change.fromLeaderId === null ? (
          <Typography.Text type="secondary">{path.from}</Typography.Text>
        ) : (
          <LeaderLink id={change.fromLeaderId} name={path.from} />
        )}
        <ArrowRightOutlined style={{ color: '#94a3b8', fontSize: 12 }} />
        <LeaderLink id={change.toLeaderId} name={path.to} />
        <Tag color={REASON_COLORS[change.reason]} bordered={false} style={{ marginInlineStart: 4 }}>
          {bindingReasonLabel(change)}
        </Tag>
      </Flex>
      {change.note && (
        <Typography.Paragraph
          style={{ margin: '6px 0 0', padding: '6px 10px', background: '#f8fafc', borderRadius: 6 }}
          data-testid="binding-note"
        >
          {change.note}
        </Typography.Paragraph>
      )}
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
        {formatDateTime(change.createdAt)} · {bindingActor(change)}
      </Typography.Text>
    </div>
  );
}

/** 绑定记录: every change of the member's leader, newest first, as the server sends them. */
export function BindingTimeline({ history }: { history: BindingChange[] }) {
  if (history.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有绑定过团长" />;
  return (
    <Timeline
      style={{ paddingTop: 8 }}
      data-testid="binding-history"
      items={history.map((change, index) => ({
        key: change.id,
        color: index === 0 ? 'green' : 'gray',
        children: <Change change={change} />,
      }))}
    />
  );
}
