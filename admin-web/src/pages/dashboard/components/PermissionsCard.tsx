import { Card, Empty, Flex, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { Permission } from '@linli/shared-types';
import { groupPermissions } from '../../../labels/permissions';

export function PermissionsCard({ permissions }: { permissions: readonly Permission[] }) {
  const groups = groupPermissions(permissions);
  return (
    <Card
      title={
        <span>
          <SafetyCertificateOutlined style={{ marginRight: 8 }} />
          我的权限
        </span>
      }
      extra={<Typography.Text type="secondary">共 {permissions.length} 项</Typography.Text>}
      variant="borderless"
      style={{ height: '100%' }}
      data-testid="permissions-card"
    >
      {groups.length === 0 ? (
        <Empty description="暂未分配任何权限，请联系管理员" />
      ) : (
        <Flex vertical gap={14}>
          {groups.map((group) => (
            <Flex key={group.area} gap={12} align="baseline">
              <Typography.Text type="secondary" style={{ width: 88, flex: 'none' }}>
                {group.label}
              </Typography.Text>
              <Flex wrap gap={6}>
                {group.permissions.map((p) => (
                  <Tag key={p.key} title={p.key} color="green" bordered={false}>
                    {p.label}
                  </Tag>
                ))}
              </Flex>
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
