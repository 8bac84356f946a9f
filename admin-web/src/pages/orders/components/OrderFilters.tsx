import type { ReactNode } from 'react';
import { Button, Space, Tag } from 'antd';
import { ReloadOutlined, UserOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { DayRangeFilter, KeywordSearch } from '../../../components/ListFilters';
import { usePermission } from '../../../session/hooks';
import { shanghaiToday, type OrderListFilters } from '../service';
import { CampaignFilterSelect, LeaderFilterSelect } from './FilterSelects';

/** Names of the filtered ids when the rows tell them (a reload from a link only has the ids). */
export interface FilterNames {
  leader: string | null;
  campaign: string | null;
  buyer: string | null;
}

interface Props {
  filters: OrderListFilters;
  names: FilterNames;
  onChange: (patch: Partial<OrderListFilters>) => void;
  onReset: () => void;
}

/**
 * Keyword, leader, campaign and created-day filters. The leader and campaign pickers search their own
 * lists, which need leaders.read / campaigns.read; without them an id from a link still filters and shows
 * as a removable tag.
 */
export function OrderFilters({ filters, names, onChange, onReset }: Props) {
  const canPickLeader = usePermission('leaders.read');
  const canPickCampaign = usePermission('campaigns.read');

  return (
    <Space wrap size={[12, 12]}>
      <KeywordSearch
        keyword={filters.keyword}
        onSearch={(keyword) => onChange({ keyword })}
        placeholder="订单号 / 买家手机号"
        maxLength={32}
        width={280}
        data-testid="order-search"
      />
      {canPickLeader ? (
        <LeaderFilterSelect
          value={filters.leaderId}
          selectedName={names.leader}
          placeholder="团长 / 自提点"
          style={{ width: 200 }}
          onChange={(leaderId) => onChange({ leaderId })}
          data-testid="order-filter-leader"
        />
      ) : (
        filters.leaderId && (
          <IdTag
            label={`团长：${names.leader ?? `#${filters.leaderId}`}`}
            onClose={() => onChange({ leaderId: undefined })}
          />
        )
      )}
      {canPickCampaign ? (
        <CampaignFilterSelect
          value={filters.campaignId}
          selectedName={names.campaign}
          placeholder="团购活动"
          style={{ width: 220 }}
          onChange={(campaignId) => onChange({ campaignId })}
          data-testid="order-filter-campaign"
        />
      ) : (
        filters.campaignId && (
          <IdTag
            label={`活动：${names.campaign ?? `#${filters.campaignId}`}`}
            onClose={() => onChange({ campaignId: undefined })}
          />
        )
      )}
      <DayRangeFilter
        from={filters.createdFrom}
        to={filters.createdTo}
        // Days of the business calendar (Asia/Shanghai); the picker only shows them.
        today={dayjs(shanghaiToday())}
        placeholder={['下单起始日', '下单截止日']}
        onChange={(createdFrom, createdTo) => onChange({ createdFrom, createdTo })}
        data-testid="order-filter-created"
      />
      {filters.memberId && (
        <IdTag
          icon={<UserOutlined />}
          label={`买家：${names.buyer ?? `会员 #${filters.memberId}`}`}
          onClose={() => onChange({ memberId: undefined })}
          testId="order-filter-member"
        />
      )}
      <Button icon={<ReloadOutlined />} onClick={onReset} data-testid="order-filter-reset">
        重置
      </Button>
    </Space>
  );
}

/** A filter that came in by id (from a member, leader or campaign page), removable with its ×. */
function IdTag({
  label,
  icon,
  onClose,
  testId,
}: {
  label: string;
  icon?: ReactNode;
  onClose: () => void;
  testId?: string;
}) {
  return (
    <Tag
      closable
      icon={icon}
      onClose={(e) => {
        e.preventDefault();
        onClose();
      }}
      color="green"
      style={{ padding: '4px 10px', fontSize: 13, marginInlineEnd: 0 }}
      data-testid={testId}
    >
      {label}
    </Tag>
  );
}
