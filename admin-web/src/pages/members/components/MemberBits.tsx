import { Link } from 'react-router-dom';
import { Tag, Typography } from 'antd';
import { CrownOutlined } from '@ant-design/icons';
import { MEMBER_CHANNEL_LABELS, type MemberChannel } from '@linli/shared-types';

/** Members who are leaders themselves carry this badge wherever they are listed. */
export function LeaderBadge() {
  return (
    <Tag color="green" icon={<CrownOutlined />} bordered={false} data-testid="member-leader-badge">
      团长
    </Tag>
  );
}

const CHANNEL_COLORS: Record<MemberChannel, string> = {
  poster: 'orange',
  share_card: 'blue',
  group_qr: 'cyan',
  search: 'purple',
  import: 'gold',
  direct: 'default',
};

export function ChannelTag({ channel }: { channel: MemberChannel }) {
  return (
    <Tag color={CHANNEL_COLORS[channel]} bordered={false} data-testid="member-channel" data-channel={channel}>
      {MEMBER_CHANNEL_LABELS[channel] ?? channel}
    </Tag>
  );
}

/** A leader's name linking to their detail; clicks do not bubble to a clickable table row. */
export function LeaderLink({ id, name }: { id: number | null; name: string | null }) {
  if (id === null) return <Typography.Text type="secondary">{name ?? '—'}</Typography.Text>;
  return (
    <Link to={`/leaders/${id}`} onClick={(e) => e.stopPropagation()}>
      {name ?? `团长 #${id}`}
    </Link>
  );
}
