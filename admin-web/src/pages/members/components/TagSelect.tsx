import type { CSSProperties } from 'react';
import { Empty, Select, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { fetchTagGroups, tagKeys, tagOptions } from '../tags-service';

interface BaseProps {
  /** filter: every tag; assign: manual tags only (rule tags are not set by hand). */
  purpose: 'filter' | 'assign';
  /** Tags that cannot be chosen (e.g. the member already has them). */
  excludeIds?: number[];
  placeholder?: string;
  style?: CSSProperties;
  'data-testid'?: string;
}

interface SingleProps extends BaseProps {
  mode?: undefined;
  value?: number;
  onChange?: (tagId: number | undefined) => void;
}

interface MultipleProps extends BaseProps {
  mode: 'multiple';
  value?: number[];
  onChange?: (tagIds: number[]) => void;
}

/** Picks tags grouped by their tag group, each shown in its colour. */
export function TagSelect(props: SingleProps | MultipleProps) {
  const groups = useQuery({ queryKey: tagKeys.groups, queryFn: fetchTagGroups, staleTime: 30_000 });
  const excluded = new Set(props.excludeIds ?? []);
  const options = tagOptions(groups.data ?? [], props.purpose)
    .map((group) => ({ ...group, options: group.options.filter((o) => !excluded.has(o.value)) }))
    .filter((group) => group.options.length > 0);
  const common = {
    allowClear: true,
    showSearch: true,
    optionFilterProp: 'label',
    loading: groups.isPending,
    placeholder: props.placeholder ?? '选择标签',
    style: props.style,
    options,
    optionRender: (option: { data: { label?: unknown; color?: string } }) => (
      <Tag color={option.data.color} bordered={false} style={{ marginInlineEnd: 0 }}>
        {String(option.data.label)}
      </Tag>
    ),
    notFoundContent: (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          groups.isError ? (
            '标签加载失败，请重试'
          ) : (
            <>
              没有可选标签，去 <Link to="/members/tags">标签管理</Link> 创建
            </>
          )
        }
      />
    ),
    'data-testid': props['data-testid'],
  };
  if (props.mode === 'multiple') {
    return (
      <Select<number[]>
        {...common}
        mode="multiple"
        maxCount={20}
        value={props.value}
        onChange={(ids) => props.onChange?.(ids ?? [])}
      />
    );
  }
  return (
    <Select<number> {...common} value={props.value} onChange={(id) => props.onChange?.(id ?? undefined)} />
  );
}
