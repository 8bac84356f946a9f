import type { ReactNode } from 'react';
import { Button, DatePicker, Input, Space, Tag } from 'antd';
import { ReloadOutlined, UserOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
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

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

/**
 * Keyword, leader, campaign and created-day filters. The leader and campaign pickers search their own
 * lists, which need leaders.read / campaigns.read; without them an id from a link still filters and shows
 * as a removable tag.
 */
export function OrderFilters({ filters, names, onChange, onReset }: Props) {
  const canPickLeader = usePermission('leaders.read');
  const canPickCampaign = usePermission('campaigns.read');
  // Days of the business calendar (Asia/Shanghai); the picker only shows them.
  const today = dayjs(shanghaiToday());
  const range: [Dayjs | null, Dayjs | null] = [
    filters.createdFrom ? dayjs(filters.createdFrom) : null,
    filters.createdTo ? dayjs(filters.createdTo) : null,
  ];

  return (
    <Space wrap size={[12, 12]}>
      <Input.Search
        // Re-mount on an outside change (e.g. 重置) so the box shows the URL's keyword.
        key={filters.keyword ?? ''}
        defaultValue={filters.keyword}
        placeholder="订单号 / 买家手机号"
        allowClear
        maxLength={32}
        enterButton
        style={{ width: 280 }}
        onSearch={(value) => onChange({ keyword: value.trim() || undefined })}
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
      <DatePicker.RangePicker
        value={range}
        allowEmpty={[true, true]}
        placeholder={['下单起始日', '下单截止日']}
        disabledDate={(d) => d.isAfter(today, 'day')}
        presets={[
          { label: '今天', value: [today, today] },
          { label: '最近 7 天', value: [today.subtract(6, 'day'), today] },
          { label: '最近 30 天', value: [today.subtract(29, 'day'), today] },
        ]}
        onChange={(values) => onChange({ createdFrom: day(values?.[0]), createdTo: day(values?.[1]) })}
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
