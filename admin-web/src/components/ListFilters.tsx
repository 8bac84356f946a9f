import { DatePicker, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

/** A list's keyword box: searches on Enter or its button; an empty box drops the keyword filter. */
export function KeywordSearch({
  keyword,
  onSearch,
  placeholder,
  maxLength,
  width,
  'data-testid': testId,
}: {
  /** The keyword in the URL. */
  keyword: string | undefined;
  onSearch: (keyword: string | undefined) => void;
  placeholder: string;
  maxLength: number;
  width: number;
  'data-testid'?: string;
}) {
  return (
    <Input.Search
      // Re-mount on an outside change (e.g. 重置) so the box shows the URL's keyword.
      key={keyword ?? ''}
      defaultValue={keyword}
      placeholder={placeholder}
      allowClear
      maxLength={maxLength}
      enterButton
      style={{ width }}
      onSearch={(value) => onSearch(value.trim() || undefined)}
      data-testid={testId}
    />
  );
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

/** A from–to filter by whole days (`YYYY-MM-DD`, either end open), up to today, with 今天 / 7 / 30 天 presets. */
export function DayRangeFilter({
  from,
  to,
  today = dayjs(),
  placeholder,
  onChange,
  'data-testid': testId,
}: {
  from: string | undefined;
  to: string | undefined;
  /** Today in the calendar the filter counts in (default: the browser's). */
  today?: Dayjs;
  placeholder: [string, string];
  onChange: (from: string | undefined, to: string | undefined) => void;
  'data-testid'?: string;
}) {
  return (
    <DatePicker.RangePicker
      value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
      allowEmpty={[true, true]}
      placeholder={placeholder}
      disabledDate={(d) => d.isAfter(today, 'day')}
      presets={[
        { label: '今天', value: [today, today] },
        { label: '最近 7 天', value: [today.subtract(6, 'day'), today] },
        { label: '最近 30 天', value: [today.subtract(29, 'day'), today] },
      ]}
      onChange={(values) => onChange(day(values?.[0]), day(values?.[1]))}
      data-testid={testId}
    />
  );
}
