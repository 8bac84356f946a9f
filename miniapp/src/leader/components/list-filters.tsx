import { Input, ScrollView, Text, View } from '@tarojs/components';

/**
 * A leader list's search field: the typed words (kept by the page, so they survive a reload), searched
 * with the keyboard's search key or 搜索. Styled by the page's `<className>`, `__input`, `__btn`
 * (mixin search-box-parts); ids `<id>` and `<id>-submit`.
 */
export function SearchBox({
  className,
  id,
  placeholder,
  draft,
  onDraftChange,
  onSearch,
}: {
  className: string;
  id: string;
  placeholder: string;
  draft: string;
  onDraftChange: (draft: string) => void;
  onSearch: () => void;
}) {
  return (
    <View className={className}>
      <Input
        className={`${className}__input`}
        id={id}
        value={draft}
        confirmType="search"
        placeholder={placeholder}
        onInput={(event) => onDraftChange(event.detail.value)}
        onConfirm={onSearch}
      />
      <View className={`${className}__btn`} id={`${id}-submit`} onClick={onSearch}>
        搜索
      </View>
    </View>
  );
}

/**
 * One sideways-scrolling row of filter chips, 全部 first (a leader may run dozens of groups). `prefix`
 * names the row `<prefix>-chips`, each chip `<prefix>-chip` (mixin filter-chip) and `#<prefix>-chip-<id>`.
 */
export function FilterChips<K extends number | string>({
  prefix,
  allLabel,
  options,
  value,
  onChange,
}: {
  prefix: string;
  /** 全部团购 / 全部客户 */
  allLabel: string;
  /** Ids are record ids (社群, 团购) or enum values (佣金类型). */
  options: Array<{ id: K; label: string }>;
  value: K | undefined;
  onChange: (id: K | undefined) => void;
}) {
  const chip = (id: K | undefined, label: string) => (
    <Text
      key={id ?? 'all'}
      className={`${prefix}-chip${value === id ? ' is-active' : ''}`}
      id={`${prefix}-chip-${id ?? 'all'}`}
      onClick={() => onChange(id)}
    >
      {label}
    </Text>
  );
  return (
    <ScrollView className={`${prefix}-chips`} id={`${prefix}-chips`} scrollX enhanced showScrollbar={false}>
      {chip(undefined, allLabel)}
      {options.map((option) => chip(option.id, option.label))}
    </ScrollView>
  );
}
