import { useState, type CSSProperties } from 'react';
import { Empty, Select, Spin, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { LeaderListItem } from '@linli/shared-types';
import { fetchLeader, leaderKeys } from '../pages/leaders/service';
import { searchActiveLeaders } from '../pages/members/service';
import { useDebounced } from './useDebounced';

interface Props {
  value?: number;
  onChange?: (leaderId: number | undefined, leader: LeaderListItem | undefined) => void;
  /** Shown for the chosen id until the search results include it (e.g. a leader id taken from the URL). */
  selectedName?: string | null;
  /** Leaders that cannot be picked, with why (e.g. the member's current leader). */
  disabledIds?: Partial<Record<number, string>>;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  status?: 'error' | 'warning';
  id?: string;
  'data-testid'?: string;
}

interface LeaderOption {
  value: number;
  label: string;
  disabled: boolean;
  hint: string;
}

/**
 * Picks an ACTIVE leader by name, phone, invite code or pickup point, searching the server as one types
 * (there may be hundreds of leaders, so no client-side list).
 */
export function ActiveLeaderSelect({
  value,
  onChange,
  selectedName,
  disabledIds = {},
  placeholder = '搜索团长姓名 / 手机号 / 自提点',
  allowClear,
  style,
  status,
  id,
  'data-testid': testId,
}: Props) {
  const [keyword, setKeyword] = useState('');
  const debounced = useDebounced(keyword);
  const leaders = useQuery({
    queryKey: ['leaders', 'active-options', debounced.trim()],
    queryFn: () => searchActiveLeaders(debounced),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const items = leaders.data?.items ?? [];

  const options: LeaderOption[] = items.map((leader) => {
    const disabledWhy = disabledIds[leader.id];
    return {
      value: leader.id,
      // The closed select shows only the name; the open list also shows the pickup point.
      label: leader.name,
      disabled: Boolean(disabledWhy),
      hint: disabledWhy ?? leader.pickupPointName ?? '未设置自提点',
    };
  });
  const chosenMissing = value !== undefined && !options.some((o) => o.value === value);
  // A chosen leader outside the current results (e.g. from the URL) is named by a lookup of its own.
  const chosen = useQuery({
    queryKey: leaderKeys.detail(value ?? 0),
    queryFn: () => fetchLeader(value!),
    enabled: chosenMissing && !selectedName && !leaders.isPending,
    staleTime: 60_000,
  });
  if (value !== undefined && chosenMissing) {
    const label = selectedName ?? chosen.data?.name ?? `团长 #${value}`;
    options.unshift({ value, label, disabled: false, hint: '' });
  }

  return (
    <Select<number, LeaderOption>
      id={id}
      value={value}
      showSearch
      filterOption={false}
      searchValue={keyword}
      onSearch={setKeyword}
      onChange={(next) => {
        setKeyword('');
        onChange?.(
          next ?? undefined,
          items.find((l) => l.id === next),
        );
      }}
      onOpenChange={(open) => {
        if (!open) setKeyword('');
      }}
      allowClear={allowClear}
      placeholder={placeholder}
      status={status}
      style={style}
      options={options}
      optionRender={(option) => (
        <div data-testid="leader-option">
          <Typography.Text>{option.data.label}</Typography.Text>
          {option.data.hint && (
            <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }}>
              {option.data.hint}
            </Typography.Text>
          )}
        </div>
      )}
      notFoundContent={
        leaders.isFetching ? (
          <Spin size="small" style={{ display: 'block', padding: 12 }} />
        ) : leaders.isError ? (
          <Typography.Text type="danger">团长加载失败，请重试</Typography.Text>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有匹配的正常团长" />
        )
      }
      data-testid={testId}
    />
  );
}
