import type { ReactNode } from 'react';
import { Button, Flex, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { STATEMENT_PERIOD_LABELS } from '../../../labels/commission';
import type { StatementPeriod } from '@linli/shared-types';
import { periodText } from '../statement-view';

/** A statement's title row: whose and which period, and 下载 Excel. */
export function StatementHeader({
  title,
  period,
  from,
  to,
  downloading,
  onDownload,
  downloadTestId,
}: {
  title: ReactNode;
  period: StatementPeriod;
  from: string;
  to: string;
  downloading: boolean;
  onDownload: () => void;
  downloadTestId: string;
}) {
  return (
    <Flex justify="space-between" align="center" gap={16} wrap style={{ marginBottom: 16 }}>
      <div>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <Typography.Text type="secondary" data-testid="statement-period-text">
          {STATEMENT_PERIOD_LABELS[period]}对账单 · {periodText(from, to)}（北京时间）
        </Typography.Text>
      </div>
      <Button
        icon={<DownloadOutlined />}
        loading={downloading}
        onClick={onDownload}
        data-testid={downloadTestId}
      >
        下载 Excel
      </Button>
    </Flex>
  );
}
