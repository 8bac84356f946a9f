import { Select, Typography } from 'antd';
import type { RoleDefinition, StaffRole } from '@linli/shared-types';

interface Props {
  roles: RoleDefinition[] | undefined;
  loading: boolean;
  value?: StaffRole[];
  onChange?: (value: StaffRole[]) => void;
  'data-testid'?: string;
}

/** Multi-select of the server's roles, each option saying how much it grants. */
export function RoleSelect({ roles, loading, value, onChange, 'data-testid': testId }: Props) {
  return (
    <Select<StaffRole[]>
      mode="multiple"
      placeholder={loading ? '正在加载角色…' : '选择一个或多个角色'}
      loading={loading}
      value={value}
      onChange={onChange}
      options={(roles ?? []).map((r) => ({
        value: r.role,
        label: r.label,
        title: r.label,
        count: r.permissions.length,
      }))}
      optionRender={(option) => (
        <span style={{ display: 'flex', justifyContent: 'space-between' }}>
          <span>{option.data.label}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {option.data.count} 项权限
          </Typography.Text>
        </span>
      )}
      notFoundContent={loading ? '加载中…' : '暂无可选角色'}
      data-testid={testId}
    />
  );
}
