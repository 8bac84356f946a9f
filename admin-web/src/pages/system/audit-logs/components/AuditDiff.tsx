import { useState } from 'react';
import { Descriptions, Empty, Flex, Space, Switch, Table, Typography } from 'antd';
import type { AuditLogEntry } from '@linli/shared-types';
import { auditFieldLabel } from '../../../../labels/audit';
import { diffSnapshots, type DiffKind, type DiffRow } from '../../../../labels/diff';
import { formatAuditValue } from '../service';
import styles from './AuditDiff.module.css';

const KIND_TEXT: Record<DiffKind, string> = {
  added: '新增',
  removed: '移除',
  changed: '修改',
  unchanged: '未变',
};

/** Before/after of one audited write, changed fields first and highlighted. */
export function AuditDiff({ entry }: { entry: AuditLogEntry }) {
  const [showAll, setShowAll] = useState(false);
  const rows = diffSnapshots(entry.before, entry.after);
  const changed = rows.filter((r) => r.kind !== 'unchanged');
  const visible = showAll ? rows : changed;

  return (
    <div className={styles.wrap} data-testid="audit-diff">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>
          字段变更{' '}
          {changed.length > 0 && <Typography.Text type="secondary">（{changed.length} 项）</Typography.Text>}
        </Typography.Text>
        {rows.length > changed.length && (
          <Space>
            <Typography.Text type="secondary">显示未变更字段</Typography.Text>
            <Switch size="small" checked={showAll} onChange={setShowAll} />
          </Space>
        )}
      </Flex>
      {visible.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={rows.length ? '没有字段发生变化' : '此操作未记录数据快照'}
        />
      ) : (
        <Table<DiffRow>
          size="small"
          rowKey="field"
          pagination={false}
          dataSource={visible}
          rowClassName={(r) => styles[r.kind]}
          columns={[
            {
              title: '字段',
              dataIndex: 'field',
              width: 180,
              render: (field: string) => {
                const label = auditFieldLabel(entry.entityType, field);
                return (
                  <span>
                    {label ?? field}
                    {label && (
                      <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
                        {field}
                      </Typography.Text>
                    )}
                  </span>
                );
              },
            },
            {
              title: '变更前',
              dataIndex: 'before',
              render: (value: unknown, r) => (
                <span className={r.kind === 'changed' || r.kind === 'removed' ? styles.oldValue : undefined}>
                  {r.kind === 'added' ? '—' : formatAuditValue(r.field, value)}
                </span>
              ),
            },
            {
              title: '变更后',
              dataIndex: 'after',
              render: (value: unknown, r) => (
                <span className={r.kind === 'changed' || r.kind === 'added' ? styles.newValue : undefined}>
                  {r.kind === 'removed' ? '—' : formatAuditValue(r.field, value)}
                </span>
              ),
            },
            { title: '变化', dataIndex: 'kind', width: 72, render: (kind: DiffKind) => KIND_TEXT[kind] },
          ]}
        />
      )}
      <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
        <Descriptions.Item label="客户端">{entry.userAgent ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="请求编号">
          {entry.requestId ? <Typography.Text copyable>{entry.requestId}</Typography.Text> : '—'}
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}
