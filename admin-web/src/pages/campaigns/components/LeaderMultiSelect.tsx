import { useEffect, useState } from 'react';
import { Select, Spin } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDebounced } from '../../../components/useDebounced';
import { searchActiveLeaders } from '../../members/service';

interface Props {
  value?: number[];
  onChange?: (ids: number[]) => void;
  /** Names of ids chosen before (from the saved campaign), until a search brings them. */
  knownNames?: Record<number, string>;
  disabled?: boolean;
  'data-testid'?: string;
}

/** Several active leaders, searched on the server as one types. */
export function LeaderMultiSelect({ value = [], onChange, knownNames = {}, disabled, ...rest }: Props) {
  const [keyword, setKeyword] = useState('');
  const debounced = useDebounced(keyword);
  const leaders = useQuery({
    queryKey: ['leaders', 'active-options', debounced.trim()],
    queryFn: () => searchActiveLeaders(debounced),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  // Names seen so far, so chosen leaders keep their label when a new search no longer lists them.
  const [seen, setSeen] = useState<Record<number, string>>({});
  const items = leaders.data?.items;
  useEffect(() => {
    if (!items) return;
    setSeen((prev) => ({ ...prev, ...Object.fromEntries(items.map((l) => [l.id, l.name])) }));
  }, [items]);
  const options = [
    ...(items ?? []).map((l) => ({
      value: l.id,
      label: l.name,
      hint: l.pickupPointName ?? '未设置自提点',
    })),
    ...value
      .filter((id) => !items?.some((l) => l.id === id))
      .map((id) => ({ value: id, label: seen[id] ?? knownNames[id] ?? `团长 #${id}`, hint: '' })),
  ];
  return (
    <Select<number[]>
      mode="multiple"
      value={value}
      onChange={(ids) => onChange?.(ids)}
      showSearch
      filterOption={false}
      searchValue={keyword}
      onSearch={setKeyword}
      options={options}
      optionRender={(o) => (
        <span>
          {o.data.label}
          <span style={{ color: '#94a3b8', fontSize: 12, marginLeft: 8 }}>{o.data.hint}</span>
        </span>
      )}
      placeholder="搜索团长姓名 / 手机号 / 自提点"
      notFoundContent={leaders.isFetching ? <Spin size="small" /> : '没有匹配的正常团长'}
      disabled={disabled}
      style={{ width: '100%' }}
      data-testid={rest['data-testid']}
    />
  );
}
