import type { TablePaginationConfig } from 'antd';

export const PAGE_SIZE_OPTIONS = [10, 20, 50, 100];

/**
 * Server-side paging for a list page: the page and size live in the URL query. Changing the page size
 * goes back to page 1, because the old page number means different rows at another size.
 */
export function tablePagination(options: {
  page: number | undefined;
  pageSize: number | undefined;
  total: number | undefined;
  /** e.g. (n) => `共 ${n} 名员工` */
  describeTotal: (total: number) => string;
  onChange: (next: { page: number; pageSize: number }) => void;
}): TablePaginationConfig {
  const { page, pageSize, onChange } = options;
  return {
    current: page,
    pageSize,
    total: options.total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZE_OPTIONS,
    showTotal: options.describeTotal,
    onChange: (nextPage, nextSize) =>
      onChange({ page: nextSize === pageSize ? nextPage : 1, pageSize: nextSize }),
  };
}
