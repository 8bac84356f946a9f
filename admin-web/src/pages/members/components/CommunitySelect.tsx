import { useEffect, useState, type CSSProperties } from 'react';
import { Empty, Select, Spin, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { searchCommunities } from '../tags-service';

interface Props {
  value?: number;
  onChange?: (communityId: number | undefined) => void;
  style?: CSSProperties;
  'data-testid'?: string;
}

const SEARCH_DELAY_MS = 300;

/** Picks a community (社群) by name, searching the server as one types. */
export function CommunitySelect({ value, onChange, style, 'data-testid': testId }: Props) {
  const [keyword, setKeyword] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(keyword.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [keyword]);
  const communities = useQuery({
    queryKey: ['communities', 'options', debounced],
    queryFn: () => searchCommunities(debounced),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const options = (communities.data?.items ?? []).map((c) => ({
    value: c.id,
    label: c.name,
    hint: `${c.leaderName ?? `团长 #${c.leaderId}`} · ${c.memberCount} 人`,
  }));
  // A community chosen from the URL but not in this page of results still needs a label.
  if (value !== undefined && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: `社群 #${value}`, hint: '' });
  }
  return (
    <Select<number>
      value={value}
      showSearch
      filterOption={false}
      searchValue={keyword}
      onSearch={setKeyword}
      onChange={(next) => {
        setKeyword('');
        onChange?.(next ?? undefined);
      }}
      allowClear
      placeholder="社群"
      style={style}
      options={options}
      optionRender={(option) => (
        <div>
          <Typography.Text>{option.data.label}</Typography.Text>
          {option.data.hint && (
            <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }}>
              {option.data.hint}
            </Typography.Text>
          )}
        </div>
      )}
      notFoundContent={
        communities.isFetching ? (
          <Spin size="small" style={{ display: 'block', padding: 12 }} />
        ) : communities.isError ? (
          <Typography.Text type="danger">社群加载失败，请重试</Typography.Text>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有匹配的社群" />
        )
      }
      data-testid={testId}
    />
  );
}
