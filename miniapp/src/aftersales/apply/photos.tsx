import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ApiError } from '@/services/request';
import { MAX_UPLOAD_BYTES, tooLargeError } from '@/services/upload-response';
import { uploadImage } from '@/services/uploads';
import { MAX_AFTERSALES_PHOTOS } from '@/utils/aftersales';

export interface ApplyPhoto {
  /** The local preview (temp path / blob URL). */
  localPath: string;
  /** Storage key once uploaded. */
  key: string | null;
  error: string | null;
}

function isCancel(caught: unknown): boolean {
  const message = caught instanceof Error ? caught.message : String((caught as { errMsg?: string })?.errMsg);
  return /cancel/i.test(message);
}

/** 上传凭证: up to 3 photos, each uploaded at once (POST /api/app/uploads), tap × to remove. */
export function ApplyPhotos({
  photos,
  onChange,
}: {
  photos: ApplyPhoto[];
  onChange: (update: (current: ApplyPhoto[]) => ApplyPhoto[]) => void;
}) {
  const [chooseError, setChooseError] = useState('');

  const send = async (localPath: string, size: number | undefined) => {
    const patch = (next: Partial<ApplyPhoto>) =>
      onChange((current) => current.map((p) => (p.localPath === localPath ? { ...p, ...next } : p)));
    patch({ key: null, error: null });
    try {
      if (size !== undefined && size > MAX_UPLOAD_BYTES) throw tooLargeError('');
      const file = await uploadImage(localPath);
      patch({ key: file.key, error: null });
    } catch (caught) {
      patch({ error: caught instanceof ApiError ? caught.message : '上传失败，点图片重试' });
    }
  };

  const choose = async () => {
    setChooseError('');
    try {
      const result = await Taro.chooseImage({
        count: MAX_AFTERSALES_PHOTOS - photos.length,
        sizeType: ['compressed'],
        sourceType: ['album', 'camera'],
      });
      const chosen = result.tempFilePaths.slice(0, MAX_AFTERSALES_PHOTOS - photos.length);
      onChange((current) => [
        ...current,
        ...chosen.map((localPath) => ({ localPath, key: null, error: null })),
      ]);
      chosen.forEach((path, index) => void send(path, result.tempFiles?.[index]?.size));
    } catch (caught) {
      if (!isCancel(caught)) setChooseError('无法选择图片，请重试');
    }
  };

  const failed = photos.find((p) => p.error);
  return (
    <View>
      <View className="asa-photos" id="apply-photos">
        {photos.map((photo, index) => (
          <View key={photo.localPath} className="asa-photos__tile" id={`apply-photo-${index}`}>
            <Image
              className="asa-photos__image"
              src={photo.localPath}
              mode="aspectFill"
              onClick={() => (photo.error ? void send(photo.localPath, undefined) : undefined)}
            />
            {!photo.key ? (
              <View className="asa-photos__overlay">
                <Text>{photo.error ? '重试' : '上传中…'}</Text>
              </View>
            ) : null}
            <View
              className="asa-photos__remove"
              id={`apply-photo-${index}-remove`}
              onClick={() => onChange((current) => current.filter((p) => p.localPath !== photo.localPath))}
            >
              <Text>×</Text>
            </View>
          </View>
        ))}
        {photos.length < MAX_AFTERSALES_PHOTOS ? (
          <View
            className="asa-photos__tile asa-photos__tile--add"
            id="apply-photo-add"
            onClick={() => void choose()}
          >
            <Text className="asa-photos__plus">+</Text>
            <Text className="asa-photos__add-text">
              {photos.length}/{MAX_AFTERSALES_PHOTOS}
            </Text>
          </View>
        ) : null}
      </View>
      {failed?.error || chooseError ? (
        <Text className="asa-error">{failed?.error || chooseError}</Text>
      ) : null}
    </View>
  );
}
