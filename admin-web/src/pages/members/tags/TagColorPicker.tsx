import { Space, Tag } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { TAG_COLORS, type TagColor } from '@linli/shared-types';

const COLOR_NAMES: Record<TagColor, string> = {
  blue: '蓝',
  green: '绿',
  gold: '金',
  orange: '橙',
  red: '红',
  magenta: '品红',
  purple: '紫',
  cyan: '青',
  geekblue: '靛蓝',
  lime: '青柠',
};

interface Props {
  value?: TagColor;
  onChange?: (color: TagColor) => void;
  /** Shown on the swatches so staff see the chip as members will. */
  previewText?: string;
}

/** The preset tag colours as clickable chips (the same presets the mini-program uses). */
export function TagColorPicker({ value, onChange, previewText }: Props) {
  return (
    <Space size={[8, 8]} wrap role="radiogroup" aria-label="标签颜色">
      {TAG_COLORS.map((color) => {
        const selected = color === value;
        return (
          <Tag
            key={color}
            color={color}
            role="radio"
            aria-checked={selected}
            tabIndex={0}
            icon={selected ? <CheckOutlined /> : undefined}
            onClick={() => onChange?.(color)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') onChange?.(color);
            }}
            style={{
              cursor: 'pointer',
              marginInlineEnd: 0,
              padding: '2px 10px',
              outline: selected ? '2px solid currentColor' : undefined,
              outlineOffset: 1,
            }}
            data-testid={`tag-color-${color}`}
          >
            {previewText?.trim() || COLOR_NAMES[color]}
          </Tag>
        );
      })}
    </Space>
  );
}
