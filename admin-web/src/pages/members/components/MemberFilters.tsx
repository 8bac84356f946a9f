import { Button, Select, Space } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { MEMBER_CHANNEL_LABELS, type MemberChannel } from '@linli/shared-types';
import { ActiveLeaderSelect } from '../../../components/ActiveLeaderSelect';
import { DayRangeFilter, KeywordSearch } from '../../../components/ListFilters';
import type { MemberListFilters } from '../service';
import { CommunitySelect } from './CommunitySelect';
import { TagSelect } from './TagSelect';

interface Props {
  filters: MemberListFilters;
  /** Name of the filtered leader when known (from the rows), so the picker shows it after a reload. */
  leaderName: string | null;
  onChange: (patch: Partial<MemberListFilters>) => void;
  onReset: () => void;
}

const CHANNEL_OPTIONS = (Object.entries(MEMBER_CHANNEL_LABELS) as [MemberChannel, string][]).map(
  ([value, label]) => ({ value, label }),
);

export function MemberFilters({ filters, leaderName, onChange, onReset }: Props) {
  return (
    <Space wrap size={[12, 12]}>
      <KeywordSearch
        keyword={filters.keyword}
        onSearch={(keyword) => onChange({ keyword })}
        placeholder="昵称或手机号开头"
        maxLength={64}
        width={280}
        data-testid="member-search"
      />
      <ActiveLeaderSelect
        value={filters.leaderId}
        selectedName={leaderName}
        placeholder="当前团长"
        allowClear
        style={{ width: 200 }}
        onChange={(leaderId) => onChange({ leaderId })}
        data-testid="member-filter-leader"
      />
      <Select<MemberChannel>
        value={filters.channel}
        placeholder="来源渠道"
        allowClear
        options={CHANNEL_OPTIONS}
        style={{ width: 140 }}
        onChange={(channel) => onChange({ channel })}
        data-testid="member-filter-channel"
      />
      <TagSelect
        purpose="filter"
        value={filters.tagId}
        placeholder="标签"
        style={{ width: 160 }}
        onChange={(tagId) => onChange({ tagId })}
        data-testid="member-filter-tag"
      />
      <CommunitySelect
        value={filters.communityId}
        style={{ width: 200 }}
        onChange={(communityId) => onChange({ communityId })}
        data-testid="member-filter-community"
      />
      <DayRangeFilter
        from={filters.joinedFrom}
        to={filters.joinedTo}
        placeholder={['加入起始日', '加入截止日']}
        onChange={(joinedFrom, joinedTo) => onChange({ joinedFrom, joinedTo })}
        data-testid="member-filter-joined"
      />
      <Button icon={<ReloadOutlined />} onClick={onReset}>
        重置
      </Button>
    </Space>
  );
}
