import { useState, type CSSProperties } from 'react';
import { Empty, Select, Spin, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { CAMPAIGN_STATUS_LABELS, LEADER_STATUS_LABELS } from '@linli/shared-types';
import { useDebounced } from '../../../components/useDebounced';
import { fetchCampaigns } from '../../campaigns/service';
import { fetchLeaders } from '../../leaders/service';

interface SearchOption {
  value: number;
  label: string;
  hint: string;
}

interface SearchSelectProps {
  value?: number;
  onChange: (id: number | undefined) => void;
  /** Name of the chosen id when known (e.g. from the list rows), until a search brings it. */
  selectedName?: string | null;
  placeholder: string;
  style?: CSSProperties;
  'data-testid'?: string;
}

/** One id picked from a server search as one types (lists of leaders and campaigns grow without bound). */
function SearchSelect({
  value,
  onChange,
  selectedName,
  placeholder,
  style,
  queryKey,
  search,
  noMatch,
  'data-testid': testId,
}: SearchSelectProps & {
  queryKey: string;
  search: (keyword: string) => Promise<SearchOption[]>;
  noMatch: string;
}) {
  const [keyword, setKeyword] = useState('');
  const debounced = useDebounced(keyword).trim();
  const found = useQuery({
    queryKey: ['order-filter', queryKey, debounced],
    queryFn: () => search(debounced),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const options = [...(found.data ?? [])];
  if (value !== undefined && !options.some((o) => o.value === value))
    options.unshift({ value, label: selectedName ?? `#${value}`, hint: '' });

  return (
    <Select<number, SearchOption>
      value={value}
      showSearch
      allowClear
      filterOption={false}
      searchValue={keyword}
      onSearch={setKeyword}
      onChange={(next) => {
        setKeyword('');
        onChange(next ?? undefined);
      }}
      onOpenChange={(open) => !open && setKeyword('')}
      placeholder={placeholder}
      style={style}
      options={options}
      optionRender={(option) => (
        <div data-testid={`${queryKey}-option`}>
          <Typography.Text>{option.data.label}</Typography.Text>
          {option.data.hint && (
            <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }}>
              {option.data.hint}
            </Typography.Text>
          )}
        </div>
      )}
      notFoundContent={
        found.isFetching ? (
          <Spin size="small" style={{ display: 'block', padding: 12 }} />
        ) : found.isError ? (
          <Typography.Text type="danger">加载失败，请重试</Typography.Text>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={noMatch} />
        )
      }
      data-testid={testId}
    />
  );
}

/** Any leader (also suspended ones: their past orders still count), by name, phone or pickup point. */
export function LeaderFilterSelect(props: SearchSelectProps) {
  return (
    <SearchSelect
      {...props}
      queryKey="leader"
      noMatch="没有匹配的团长"
      search={async (keyword) =>
        (await fetchLeaders({ keyword: keyword || undefined, page: 1, pageSize: 20 })).items.map((l) => ({
          value: l.id,
          label: l.name,
          hint:
            l.status === 'active'
              ? (l.pickupPointName ?? '未设置自提点')
              : (LEADER_STATUS_LABELS[l.status] ?? l.status),
        }))
      }
    />
  );
}

/** Any campaign by title, newest first, with its status as a hint. */
export function CampaignFilterSelect(props: SearchSelectProps) {
  return (
    <SearchSelect
      {...props}
      queryKey="campaign"
      noMatch="没有匹配的活动"
      search={async (keyword) =>
        (await fetchCampaigns({ keyword: keyword || undefined, page: 1, pageSize: 20 })).items.map((c) => ({
          value: c.id,
          label: c.title,
          hint: CAMPAIGN_STATUS_LABELS[c.status] ?? c.status,
        }))
      }
    />
  );
}
