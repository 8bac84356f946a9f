import { Descriptions, Image, Skeleton, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { LoadError } from '../../../components/LoadError';
import { fetchLeader, formatCoordinates, formatDateTime, leaderKeys } from '../service';
import { none } from '../../../components/detail-layout';

/** What a reviewer checks before deciding, loaded when the queue row is expanded. */
export function ApplicationPanel({ leaderId }: { leaderId: number }) {
  const detail = useQuery({ queryKey: leaderKeys.detail(leaderId), queryFn: () => fetchLeader(leaderId) });
  if (detail.isPending) return <Skeleton active paragraph={{ rows: 3 }} title={false} />;
  if (detail.isError) return <LoadError compact error={detail.error} onRetry={() => void detail.refetch()} />;
  const leader = detail.data;
  const point = leader.pickupPoint;
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 1, md: 2, lg: 3, xl: 3, xxl: 3 }}
      data-testid="application-panel"
      style={{ padding: '4px 8px' }}
    >
      <Descriptions.Item label="营业时间">{point?.openingHours ?? none}</Descriptions.Item>
      <Descriptions.Item label="坐标">
        {(point && formatCoordinates(point.latitude, point.longitude)) ?? (
          <Typography.Text type="secondary">未定位</Typography.Text>
        )}
      </Descriptions.Item>
      <Descriptions.Item label="自提点电话">{point?.contactPhone ?? leader.phone ?? none}</Descriptions.Item>
      <Descriptions.Item label="团长协议">
        {leader.agreementVersion ? `版本 ${leader.agreementVersion}` : none}
      </Descriptions.Item>
      <Descriptions.Item label="签约时间">
        {formatDateTime(leader.agreementAcceptedAt) ?? none}
      </Descriptions.Item>
      <Descriptions.Item label="专属邀请码">
        <Typography.Text code>{leader.inviteCode}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label="自提点照片">
        {point?.photoUrl ? (
          // antd Image: click for a full-size preview; the thumbnail keeps the row compact.
          <Image
            src={point.photoUrl}
            alt={`${point.name}照片`}
            width={96}
            height={72}
            style={{ objectFit: 'cover', borderRadius: 6 }}
            data-testid="application-photo"
          />
        ) : (
          <Typography.Text type="secondary">未上传</Typography.Text>
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}
