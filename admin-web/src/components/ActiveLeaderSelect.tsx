import type { CSSProperties } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { LeaderListItem } from '@linli/shared-types';
import { fetchLeader, leaderKeys } from '../pages/leaders/service';
import { searchActiveLeaders } from '../pages/members/service';
import { SearchSelect, useServerSearch, withChosen, type SearchOption } from './SearchSelect';

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
  ...props
}: Props) {
  const search = useServerSearch(['leaders', 'active-options'], searchActiveLeaders);
  const items = search.found.data?.items ?? [];

  const options: SearchOption[] = items.map((leader) => {
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
    enabled: chosenMissing && !selectedName && !search.found.isPending,
    staleTime: 60_000,
  });

  return (
    <SearchSelect
      {...props}
      search={search}
      options={withChosen(options, value, selectedName ?? chosen.data?.name ?? `团长 #${value}`)}
      value={value}
      onChange={(next) =>
        onChange?.(
          next,
          items.find((l) => l.id === next),
        )
      }
      placeholder={placeholder}
      loadError="团长加载失败，请重试"
      noMatch="没有匹配的正常团长"
      optionTestId="leader-option"
    />
  );
}
