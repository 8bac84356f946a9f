import { ScrollView, Text, View } from '@tarojs/components';
import { type LeaderAgreement } from '@linli/shared-types';

interface AgreementSheetProps {
  agreement: LeaderAgreement;
  onClose: () => void;
  onAccept: () => void;
}

/** The full agreement text over the form; 同意 ticks the box, so reading and consenting is one step. */
export function AgreementSheet({ agreement, onClose, onAccept }: AgreementSheetProps) {
  const paragraphs = agreement.content
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <View className="agreement-sheet" id="apply-agreement-sheet">
      <View className="agreement-sheet__mask" onClick={onClose} />
      <View className="agreement-sheet__panel">
        <View className="agreement-sheet__head">
          <Text className="agreement-sheet__title">{agreement.title}</Text>
          <Text className="agreement-sheet__version">版本 {agreement.version}</Text>
        </View>
        <ScrollView scrollY className="agreement-sheet__body" id="apply-agreement-content">
          {paragraphs.map((paragraph, index) => (
            <Text key={index} className="agreement-sheet__paragraph">
              {paragraph}
            </Text>
          ))}
        </ScrollView>
        <View className="agreement-sheet__actions">
          <View className="btn btn--ghost agreement-sheet__btn" id="apply-agreement-close" onClick={onClose}>
            关闭
          </View>
          <View
            className="btn btn--primary agreement-sheet__btn"
            id="apply-agreement-accept"
            onClick={onAccept}
          >
            同意协议
          </View>
        </View>
      </View>
    </View>
  );
}
