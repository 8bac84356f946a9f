import { Empty, Flex, Space, Typography } from 'antd';
import type { CommissionPreview } from '@linli/shared-types';
import { EntryTypeTag } from '../../components/CommissionTags';
import { DetailLinesList } from '../../components/DetailLinesList';
import { SignedAmount } from '../../components/SignedAmount';
import { previewTotal } from '../../preview-form';

/** What the sample order would pay: each entry (the leader's, their uplines') with the lines behind it. */
export function PreviewResult({ preview }: { preview: CommissionPreview }) {
  if (preview.entries.length === 0)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description="按此方案，这笔订单不产生佣金"
        data-testid="preview-result-empty"
      />
    );
  return (
    <Flex vertical gap={16} data-testid="preview-result">
      <Flex justify="space-between" align="baseline">
        <Typography.Text type="secondary">共 {preview.entries.length} 笔佣金</Typography.Text>
        <span>
          合计 <SignedAmount amount={previewTotal(preview)} strong testId="preview-total" />
        </span>
      </Flex>
      {preview.entries.map((entry, index) => (
        <div key={`${entry.leaderId}-${entry.type}-${index}`} data-testid="preview-entry">
          <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
            <Space size={8}>
              <Typography.Text strong data-testid="preview-entry-leader">
                {entry.leaderName}
              </Typography.Text>
              <EntryTypeTag type={entry.type} />
            </Space>
            <SignedAmount amount={entry.amount} strong />
          </Flex>
          <DetailLinesList lines={entry.details} />
        </div>
      ))}
    </Flex>
  );
}
