import { Avatar, Card, Flex, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { StaffProfile } from '@linli/shared-types';
import { ROLE_COLORS, roleLabel } from '../../../labels/roles';

function greeting(hour: number): string {
  if (hour < 6) return '夜深了';
  if (hour < 11) return '早上好';
  if (hour < 13) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

export function WelcomeCard({ staff }: { staff: StaffProfile }) {
  const now = dayjs();
  return (
    <Card variant="borderless" data-testid="welcome-card">
      <Flex align="center" gap={20} wrap>
        <Avatar size={64} style={{ background: '#16a34a', fontSize: 26, flex: 'none' }}>
          {staff.name.slice(0, 1)}
        </Avatar>
        <div style={{ flex: 1, minWidth: 240 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {greeting(now.hour())}，{staff.name}
          </Typography.Title>
          <Space size={8} wrap style={{ marginTop: 8 }}>
            {staff.roles.map((role) => (
              <Tag key={role} color={ROLE_COLORS[role]}>
                {roleLabel(role)}
              </Tag>
            ))}
            <Typography.Text type="secondary">账号 {staff.username}</Typography.Text>
          </Space>
        </div>
        <div style={{ textAlign: 'right' }}>
          <Typography.Text type="secondary">{now.format('YYYY年M月D日 dddd')}</Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4, fontSize: 12 }}>
            最近登录 {staff.lastLoginAt ? dayjs(staff.lastLoginAt).format('YYYY-MM-DD HH:mm') : '—'}
          </Typography.Text>
        </div>
      </Flex>
    </Card>
  );
}
