import type { CSSProperties } from 'react';
import { Tag } from 'antd';
import { ThunderboltFilled } from '@ant-design/icons';

/** 秒杀: the campaign's orders pass the Redis flash-sale gate first. Shown on campaign and order pages. */
export function FlashSaleTag({ style }: { style?: CSSProperties }) {
  return (
    <Tag
      color="volcano"
      icon={<ThunderboltFilled />}
      bordered={false}
      style={style}
      data-testid="flash-sale-tag"
    >
      秒杀
    </Tag>
  );
}
