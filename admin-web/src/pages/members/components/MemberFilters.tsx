import { Button, DatePicker, Input, Select, Space } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { MEMBER_CHANNEL_LABELS, type MemberChannel } from '@linli/shared-types';
import { ActiveLeaderSelect } from '../../../components/ActiveLeaderSelect';
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

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

export function MemberFilters({ filters, leaderName, onChange, onReset }: Props) {
  const range: [Dayjs | null, Dayjs | null] = [
    filters.joinedFrom ? dayjs(filters.joinedFrom) : null,
    filters.joinedTo ? dayjs(filters.joinedTo) : null,
  ];
  return (
    <Space wrap size={[12, 12]}>
      <Input.Search
        // Re-mount on an outside change (e.g. 重置) so the box shows the URL's keyword.
        key={filters.keyword ?? ''}
        defaultValue={filters.keyword}
        placeholder="昵称或手机号开头"
        allowClear
        maxLength={64}
        enterButton
        style={{ width: 280 }}
        onSearch={(value) => onChange({ keyword: value.trim() || undefined })}
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
      <DatePicker.RangePicker
        value={range}
        allowEmpty={[true, true]}
        placeholder={['加入起始日', '加入截止日']}
        disabledDate={(d) => d.isAfter(dayjs().endOf('day'))}
        presets={[
          { label: '今天', value: [dayjs(), dayjs()] },
          { label: '最近 7 天', value: [dayjs().subtract(6, 'day'), dayjs()] },
          { label: '最近 30 天', value: [dayjs().subtract(29, 'day'), dayjs()] },
        ]}
        onChange={(values) => onChange({ joinedFrom: day(values?.[0]), joinedTo: day(values?.[1]) })}
        data-testid="member-filter-joined"
      />
      <Button icon={<ReloadOutlined />} onClick={onReset}>
        重置
      </Button>
    </Space>
  );
}
