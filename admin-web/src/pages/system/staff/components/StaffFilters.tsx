import { Button, Select, Space } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import {
  STAFF_ROLE_LABELS,
  type StaffListQuery,
  type StaffRole,
  type StaffStatus,
} from '@linli/shared-types';
import { KeywordSearch } from '../../../../components/ListFilters';

interface Props {
  query: StaffListQuery;
  onChange: (patch: Partial<StaffListQuery>) => void;
  onReset: () => void;
}

const ROLE_OPTIONS = (Object.entries(STAFF_ROLE_LABELS) as [StaffRole, string][]).map(([value, label]) => ({
  value,
  label,
}));
const STATUS_OPTIONS: { value: StaffStatus; label: string }[] = [
  { value: 'active', label: '正常' },
  { value: 'disabled', label: '已停用' },
];

export function StaffFilters({ query, onChange, onReset }: Props) {
  return (
    <Space wrap size={[12, 12]}>
      <KeywordSearch
        keyword={query.keyword}
        onSearch={(keyword) => onChange({ keyword })}
        placeholder="搜索用户名 / 姓名 / 手机号"
        maxLength={32}
        width={300}
        data-testid="staff-search"
      />
      <Select<StaffRole>
        value={query.role}
        placeholder="全部角色"
        allowClear
        options={ROLE_OPTIONS}
        style={{ width: 140 }}
        onChange={(role) => onChange({ role })}
        data-testid="staff-filter-role"
      />
      <Select<StaffStatus>
        value={query.status}
        placeholder="全部状态"
        allowClear
        options={STATUS_OPTIONS}
        style={{ width: 120 }}
        onChange={(status) => onChange({ status })}
        data-testid="staff-filter-status"
      />
      <Button icon={<ReloadOutlined />} onClick={onReset}>
        重置
      </Button>
    </Space>
  );
}
