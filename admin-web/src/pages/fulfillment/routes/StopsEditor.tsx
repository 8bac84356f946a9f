import { useState } from 'react';
import { Alert, Button, Empty, Flex, List, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, HolderOutlined } from '@ant-design/icons';
import { ActiveLeaderSelect } from '../../../components/ActiveLeaderSelect';
import { usePermission } from '../../../session/hooks';
import { addStop, moveItem } from '../logic';

export interface StopDraft {
  leaderId: number;
  leaderName: string;
  pointName: string | null;
  address: string | null;
}

/** The route's pickup points in driving order: add by search, reorder by dragging or ↑ / ↓, remove. */
export function StopsEditor({
  value,
  onChange,
  disabled,
}: {
  value: StopDraft[];
  onChange: (stops: StopDraft[]) => void;
  disabled?: boolean;
}) {
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  // Re-mounts the search box after each add, so it is empty for the next point.
  const [searchKey, setSearchKey] = useState(0);
  const onBoard = Object.fromEntries(value.map((s) => [s.leaderId, '已在本线路']));
  // Points are found through the leaders list, which needs 查看团长 (the warehouse role lacks it).
  const canSearch = usePermission('leaders.read');

  return (
    <div data-testid="route-stops">
      {!disabled && !canSearch && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message="加入自提点需要「查看团长」权限；现有站点仍可调整顺序或移出。"
        />
      )}
      {!disabled && canSearch && (
        <ActiveLeaderSelect
          key={searchKey}
          value={undefined}
          placeholder="搜索团长姓名 / 手机号 / 自提点，加入线路末尾"
          disabledIds={onBoard}
          style={{ width: '100%', marginBottom: 12 }}
          onChange={(leaderId, leader) => {
            if (!leaderId || !leader) return;
            setSearchKey((k) => k + 1);
            onChange(
              addStop(value, {
                leaderId,
                leaderName: leader.name,
                pointName: leader.pickupPointName,
                address: leader.pickupPointAddress,
              }),
            );
          }}
          data-testid="route-stop-add"
        />
      )}
      <List<StopDraft>
        bordered
        size="small"
        dataSource={value}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有站点，搜索团长加入线路" />
          ),
        }}
        renderItem={(stop, index) => (
          <List.Item
            key={stop.leaderId}
            draggable={!disabled}
            onDragStart={(e) => {
              setDragging(index);
              e.dataTransfer.effectAllowed = 'move';
            }}
            onDragOver={(e) => {
              if (dragging === null) return;
              e.preventDefault();
              setOver(index);
            }}
            onDrop={(e) => {
              e.preventDefault();
              if (dragging !== null) onChange(moveItem(value, dragging, index));
              setDragging(null);
              setOver(null);
            }}
            onDragEnd={() => {
              setDragging(null);
              setOver(null);
            }}
            style={{
              background: over === index && dragging !== index ? '#f0f7ff' : undefined,
              opacity: dragging === index ? 0.5 : 1,
            }}
            data-testid="route-stop"
            actions={
              disabled
                ? []
                : [
                    <Tooltip title="上移" key="up">
                      <Button
                        type="text"
                        size="small"
                        icon={<ArrowUpOutlined />}
                        disabled={index === 0}
                        onClick={() => onChange(moveItem(value, index, index - 1))}
                        aria-label="上移"
                        data-testid="route-stop-up"
                      />
                    </Tooltip>,
                    <Tooltip title="下移" key="down">
                      <Button
                        type="text"
                        size="small"
                        icon={<ArrowDownOutlined />}
                        disabled={index === value.length - 1}
                        onClick={() => onChange(moveItem(value, index, index + 1))}
                        aria-label="下移"
                        data-testid="route-stop-down"
                      />
                    </Tooltip>,
                    <Tooltip title="移出线路" key="remove">
                      <Button
                        type="text"
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => onChange(value.filter((s) => s.leaderId !== stop.leaderId))}
                        aria-label="移出线路"
                        data-testid="route-stop-remove"
                      />
                    </Tooltip>,
                  ]
            }
          >
            <Flex gap={12} align="center" style={{ minWidth: 0 }}>
              {!disabled && <HolderOutlined style={{ cursor: 'grab', color: '#94a3b8' }} />}
              <span
                style={{
                  width: 24,
                  height: 24,
                  borderRadius: 12,
                  background: '#16a34a',
                  color: '#fff',
                  display: 'inline-flex',
                  alignItems: 'center',
                  justifyContent: 'center',
                  fontSize: 12,
                  flex: 'none',
                }}
              >
                {index + 1}
              </span>
              <div style={{ minWidth: 0 }}>
                <Typography.Text strong data-testid="route-stop-name">
                  {stop.pointName ?? '未设置自提点'}
                </Typography.Text>
                <Typography.Text type="secondary"> · 团长 {stop.leaderName}</Typography.Text>
                {stop.address && (
                  <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
                    {stop.address}
                  </Typography.Text>
                )}
              </div>
            </Flex>
          </List.Item>
        )}
      />
    </div>
  );
}
