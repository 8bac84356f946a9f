import { useEffect, useRef, useState } from 'react';
import { App, Button, Flex, Image, Tooltip, Typography, Upload } from 'antd';
import {
  DeleteOutlined,
  LeftOutlined,
  LoadingOutlined,
  PlusOutlined,
  RightOutlined,
} from '@ant-design/icons';
import type { ProductImageView } from '@linli/shared-types';
import { describeError } from '../api';
import { uploadImage } from '../pages/catalog/service';
import styles from './ImageListUpload.module.css';

interface Props {
  value?: ProductImageView[];
  onChange?: (images: ProductImageView[]) => void;
  /** 9 for product images, 1 for a campaign cover. */
  max: number;
  /** Label of the first image, e.g. 封面. */
  firstLabel?: string;
  disabled?: boolean;
  'data-testid'?: string;
}

const ACCEPT = 'image/jpeg,image/png,image/webp';
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * Uploads images one by one to POST /api/admin/uploads and keeps their keys in display order; the first
 * is the cover. Arrows reorder, the bin removes (the file stays in storage; only the reference goes).
 */
export function ImageListUpload({
  value = [],
  onChange,
  max,
  firstLabel = '封面',
  disabled,
  ...rest
}: Props) {
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(0);
  const images = value;

  const move = (from: number, to: number) => {
    const next = [...images];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved);
    onChange?.(next);
  };

  const beforeUpload = (file: File, batch: File[]) => {
    if (!ACCEPT.split(',').includes(file.type)) {
      void message.error(`「${file.name}」不是 JPG / PNG / WebP 图片`);
      return Upload.LIST_IGNORE;
    }
    if (file.size > MAX_BYTES) {
      void message.error(`「${file.name}」超过 5 MB`);
      return Upload.LIST_IGNORE;
    }
    if (images.length + uploading + batch.indexOf(file) >= max) {
      void message.warning(`最多 ${max} 张图片`);
      return Upload.LIST_IGNORE;
    }
    return true;
  };

  // Uploads finish in any order; each appends to the newest list, not to the one of the render it began in.
  const latest = useRef(images);
  useEffect(() => {
    latest.current = images;
  }, [images]);
  const upload = async (file: File) => {
    setUploading((n) => n + 1);
    try {
      const uploaded = await uploadImage(file, file.name);
      latest.current = [...latest.current, { key: uploaded.key, url: uploaded.url }].slice(0, max);
      onChange?.(latest.current);
    } catch (error) {
      void message.error(describeError(error));
    } finally {
      setUploading((n) => n - 1);
    }
  };

  return (
    <Flex wrap gap={10} data-testid={rest['data-testid']}>
      <Image.PreviewGroup>
        {images.map((image, index) => (
          <div key={image.key} className={styles.tile} data-testid="image-tile">
            <Image src={image.url} width={100} height={100} style={{ objectFit: 'cover' }} />
            {index === 0 && firstLabel && <span className={styles.badge}>{firstLabel}</span>}
            {!disabled && (
              <Flex className={styles.actions} justify="space-between">
                <Tooltip title="前移">
                  <Button
                    size="small"
                    type="text"
                    icon={<LeftOutlined />}
                    disabled={index === 0}
                    onClick={() => move(index, index - 1)}
                    aria-label="前移"
                  />
                </Tooltip>
                <Tooltip title="删除">
                  <Button
                    size="small"
                    type="text"
                    icon={<DeleteOutlined />}
                    onClick={() => onChange?.(images.filter((_, i) => i !== index))}
                    aria-label="删除图片"
                    data-testid="image-remove"
                  />
                </Tooltip>
                <Tooltip title="后移">
                  <Button
                    size="small"
                    type="text"
                    icon={<RightOutlined />}
                    disabled={index === images.length - 1}
                    onClick={() => move(index, index + 1)}
                    aria-label="后移"
                  />
                </Tooltip>
              </Flex>
            )}
          </div>
        ))}
      </Image.PreviewGroup>
      {!disabled && images.length + uploading < max && (
        <Upload
          accept={ACCEPT}
          multiple={max > 1}
          showUploadList={false}
          beforeUpload={beforeUpload}
          customRequest={({ file }) => void upload(file as File)}
        >
          <button type="button" className={styles.add} data-testid="image-upload">
            {uploading > 0 ? <LoadingOutlined /> : <PlusOutlined />}
            <div style={{ marginTop: 6 }}>{uploading > 0 ? `上传中 ${uploading}` : '上传图片'}</div>
          </button>
        </Upload>
      )}
      {!disabled && images.length === 0 && uploading === 0 && (
        <Typography.Text type="secondary" style={{ alignSelf: 'center', fontSize: 12 }}>
          JPG / PNG / WebP，单张不超过 5 MB{max > 1 ? `，最多 ${max} 张，第一张为${firstLabel}` : ''}
        </Typography.Text>
      )}
    </Flex>
  );
}
