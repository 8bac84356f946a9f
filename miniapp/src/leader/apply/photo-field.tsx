import { useCallback, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ApiError } from '@/services/request';
import { MAX_UPLOAD_BYTES, tooLargeError } from '@/services/upload-response';
import { assetUrl, uploadImage } from '@/services/uploads';
import { FieldShell } from '../components/form-field';

interface PhotoFieldProps {
  /** The uploaded photo's URL, '' when none. */
  value: string;
  error?: string;
  onChange: (url: string) => void;
  /** Tells the page an upload is running, so it does not submit without the photo. */
  onUploadingChange: (uploading: boolean) => void;
}

type Upload =
  | { state: 'idle' }
  | { state: 'uploading'; localPath: string }
  | { state: 'failed'; localPath: string; message: string };

function isCancel(caught: unknown): boolean {
  const message = caught instanceof Error ? caught.message : String((caught as { errMsg?: string })?.errMsg);
  return /cancel/i.test(message);
}

/**
 * 自提点照片 (optional): choose one image (compressed by WeChat), upload it at once, preview it; tap to
 * view large, 更换 / 删除 below. A failed upload keeps the picture with 重试.
 */
export function PhotoField({ value, error, onChange, onUploadingChange }: PhotoFieldProps) {
  const [upload, setUpload] = useState<Upload>({ state: 'idle' });

  const send = useCallback(
    async (localPath: string, size: number | undefined) => {
      setUpload({ state: 'uploading', localPath });
      onUploadingChange(true);
      try {
        if (size !== undefined && size > MAX_UPLOAD_BYTES) throw tooLargeError('');
        const file = await uploadImage(localPath);
        onChange(file.url);
        setUpload({ state: 'idle' });
      } catch (caught) {
        const message = caught instanceof ApiError ? caught.message : '上传失败，请重试';
        setUpload({ state: 'failed', localPath, message });
      } finally {
        onUploadingChange(false);
      }
    },
    [onChange, onUploadingChange],
  );

  const choose = useCallback(async () => {
    try {
      const result = await Taro.chooseImage({
        count: 1,
        sizeType: ['compressed'],
        sourceType: ['album', 'camera'],
      });
      const path = result.tempFilePaths[0];
      if (path) await send(path, result.tempFiles?.[0]?.size);
    } catch (caught) {
      if (!isCancel(caught)) setUpload({ state: 'failed', localPath: '', message: '无法选择图片，请重试' });
    }
  }, [send]);

  const remove = useCallback(() => {
    setUpload({ state: 'idle' });
    onChange('');
  }, [onChange]);

  const shown = upload.state === 'idle' ? (value ? assetUrl(value) : '') : upload.localPath;
  const busy = upload.state === 'uploading';
  const failed = upload.state === 'failed';

  return (
    <FieldShell
      label="自提点照片"
      error={failed ? upload.message : error}
      errorId="apply-photo-error"
      hint="选填，拍一张门头或货架，邻居更容易找到"
    >
      <View className="apply-photo" id="apply-photo">
        {shown ? (
          <View
            className={`apply-photo__tile${failed ? ' apply-photo__tile--failed' : ''}`}
            onClick={() => (busy || failed ? undefined : void Taro.previewImage({ urls: [shown] }))}
          >
            <Image className="apply-photo__image" id="apply-photo-preview" src={shown} mode="aspectFill" />
            {busy ? (
              <View className="apply-photo__overlay" id="apply-photo-uploading">
                <Text>上传中…</Text>
              </View>
            ) : null}
            {failed ? (
              <View className="apply-photo__overlay">
                <Text>上传失败</Text>
              </View>
            ) : null}
          </View>
        ) : (
          <View
            className="apply-photo__tile apply-photo__tile--empty"
            id="apply-photo-add"
            onClick={() => void choose()}
          >
            <Text className="apply-photo__plus">+</Text>
            <Text className="apply-photo__add-text">添加照片</Text>
          </View>
        )}
        {shown && !busy ? (
          <View className="apply-photo__actions">
            {failed && upload.localPath ? (
              <Text
                className="apply-photo__action"
                id="apply-photo-retry"
                onClick={() => void send(upload.localPath, undefined)}
              >
                重试
              </Text>
            ) : (
              <Text className="apply-photo__action" id="apply-photo-replace" onClick={() => void choose()}>
                更换
              </Text>
            )}
            <Text
              className="apply-photo__action apply-photo__action--danger"
              id="apply-photo-remove"
              onClick={remove}
            >
              删除
            </Text>
          </View>
        ) : null}
      </View>
    </FieldShell>
  );
}
