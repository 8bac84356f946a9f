import { Space, Tag, Typography } from 'antd';
import type { TagChip } from '@linli/shared-types';

interface Props {
  tags: TagChip[];
  /** Shows a × on each chip (detail page, members.write). */
  onRemove?: (tag: TagChip) => void;
  /** Chips beyond this collapse into "+N" (list rows stay one line). */
  max?: number;
  empty?: string;
}

/** A member's tags as coloured chips. */
export function TagChips({ tags, onRemove, max, empty = '—' }: Props) {
  if (tags.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  const shown = max === undefined ? tags : tags.slice(0, max);
  const hidden = tags.length - shown.length;
  return (
    <Space size={[4, 4]} wrap data-testid="member-tags">
      {shown.map((tag) => (
        <Tag
          key={tag.id}
          color={tag.color}
          bordered={false}
          closable={Boolean(onRemove)}
          onClose={(e) => {
            e.preventDefault();
            onRemove?.(tag);
          }}
          style={{ marginInlineEnd: 0 }}
          data-testid="member-tag-chip"
          data-tag={tag.name}
        >
          {tag.name}
        </Tag>
      ))}
      {hidden > 0 && (
        <Typography.Text
          type="secondary"
          title={tags
            .slice(shown.length)
            .map((t) => t.name)
            .join('、')}
        >
          +{hidden}
        </Typography.Text>
      )}
    </Space>
  );
}
