import { useState, type CSSProperties } from 'react';
import { Empty, Select, Spin, Typography } from 'antd';
import { keepPreviousData, useQuery, type QueryKey, type UseQueryResult } from '@tanstack/react-query';
import { useDebounced } from './useDebounced';

/** A pick in a SearchSelect: what the closed select shows, and a grey hint beside it in the open list. */
export interface SearchOption {
  value: number;
  label: string;
  hint: string;
  disabled?: boolean;
}

export interface ServerSearch<T> {
  keyword: string;
  setKeyword: (keyword: string) => void;
  /** The server's answer for the typed words (the last one stays while the next loads). */
  found: UseQueryResult<T>;
}

/**
 * What is typed into a SearchSelect and the server's answer, asked once typing pauses. The answer is
 * cached under `[...queryKey, keyword]`.
 */
export function useServerSearch<T>(
  queryKey: QueryKey,
  search: (keyword: string) => Promise<T>,
): ServerSearch<T> {
  const [keyword, setKeyword] = useState('');
  const debounced = useDebounced(keyword).trim();
  const found = useQuery({
    queryKey: [...queryKey, debounced],
    queryFn: () => search(debounced),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  return { keyword, setKeyword, found };
}

/**
 * Options with the chosen id kept in front when this search did not bring it (e.g. an id from the URL),
 * named by `label`.
 */
export function withChosen(
  options: SearchOption[],
  value: number | undefined,
  label: string,
): SearchOption[] {
  if (value === undefined || options.some((o) => o.value === value)) return options;
  return [{ value, label, hint: '' }, ...options];
}

interface SearchSelectProps {
  search: ServerSearch<unknown>;
  options: SearchOption[];
  value?: number;
  onChange?: (id: number | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  status?: 'error' | 'warning';
  id?: string;
  /** In the open list when the search failed, e.g. 团长加载失败，请重试. */
  loadError: string;
  /** When the search found nothing, e.g. 没有匹配的团长. */
  noMatch: string;
  /** On each option in the open list, for tests. */
  optionTestId?: string;
  'data-testid'?: string;
}

/** One id picked from a server search as one types (these lists grow without bound, so no client-side list). */
export function SearchSelect({
  search: { keyword, setKeyword, found },
  options,
  onChange,
  loadError,
  noMatch,
  optionTestId,
  ...selectProps
}: SearchSelectProps) {
  return (
    <Select<number, SearchOption>
      {...selectProps}
      showSearch
      filterOption={false}
      searchValue={keyword}
      onSearch={setKeyword}
      onChange={(next) => {
        setKeyword('');
        onChange?.(next ?? undefined);
      }}
      onOpenChange={(open) => {
        if (!open) setKeyword('');
      }}
      options={options}
      optionRender={(option) => (
        <div data-testid={optionTestId}>
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
          <Typography.Text type="danger">{loadError}</Typography.Text>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={noMatch} />
        )
      }
    />
  );
}
