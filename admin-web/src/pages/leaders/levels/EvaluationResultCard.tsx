import { Card, Col, Row, Statistic, Typography } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import type { LevelEvaluationResult } from '@linli/shared-types';
import { evaluationSummary } from '../levels-service';

/** What the last "立即评估" did, until dismissed. */
export function EvaluationResultCard({
  result,
  onClose,
}: {
  result: LevelEvaluationResult;
  onClose: () => void;
}) {
  const figures: Array<[string, number, string | undefined]> = [
    ['参与评估', result.evaluated, undefined],
    ['首次定级', result.initial, '#1677ff'],
    ['升级', result.upgraded, '#389e0d'],
    ['降级', result.downgraded, '#d46b08'],
    ['保级期内跳过', result.held, undefined],
  ];
  return (
    <Card
      variant="borderless"
      style={{ marginBottom: 16 }}
      title="评估完成"
      extra={<CloseOutlined onClick={onClose} aria-label="关闭" style={{ cursor: 'pointer' }} />}
      data-testid="levels-evaluation-result"
    >
      <Typography.Paragraph type="secondary">{evaluationSummary(result)}</Typography.Paragraph>
      <Row gutter={16}>
        {figures.map(([title, value, color]) => (
          <Col key={title} xs={12} sm={8} md={4}>
            <Statistic title={title} value={value} suffix="名" valueStyle={color ? { color } : undefined} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
