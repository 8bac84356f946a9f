import { Button, Radio, Select, Space } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import {
  LEADER_STATUS_LABELS,
  type LeaderLevel,
  type LeaderListQuery,
  type LeaderStatus,
} from '@linli/shared-types';
import { KeywordSearch } from '../../../components/ListFilters';

interface Props {
  query: LeaderListQuery;
  onChange: (patch: Partial<LeaderListQuery>) => void;
  onReset: () => void;
  /** The application queue is always `pending`: no status choice there. */
  showStatus?: boolean;
  /** The ladder, for the level filter (absent: no level filter). */
  levels?: LeaderLevel[];
}

const STATUS_OPTIONS = [
  { value: '', label: '全部' },
  ...(Object.entries(LEADER_STATUS_LABELS) as [LeaderStatus, string][]).map(([value, label]) => ({
    value,
    label,
  })),
];

export function LeaderFilters({ query, onChange, onReset, showStatus = true, levels }: Props) {
  return (
    <Space wrap size={[12, 12]}>
      {showStatus && (
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          value={query.status ?? ''}
          options={STATUS_OPTIONS}
          onChange={(e) => onChange({ status: (e.target.value as LeaderStatus | '') || undefined })}
          data-testid="leader-filter-status"
        />
      )}
      {levels && (
        <Select<number>
          allowClear
          placeholder="全部等级"
          value={query.levelId}
          options={levels.map((level) => ({ value: level.id, label: level.name }))}
          onChange={(levelId) => onChange({ levelId })}
          style={{ width: 140 }}
          data-testid="leader-filter-level"
        />
      )}
      <KeywordSearch
        keyword={query.keyword}
        onSearch={(keyword) => onChange({ keyword })}
        placeholder="搜索姓名 / 手机号 / 邀请码 / 自提点"
        maxLength={40}
        width={320}
        data-testid="leader-search"
      />
      <Button icon={<ReloadOutlined />} onClick={onReset}>
        重置
      </Button>
    </Space>
  );
}
