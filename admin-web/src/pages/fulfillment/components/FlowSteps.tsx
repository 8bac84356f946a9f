import { Card, Steps, Typography } from 'antd';
import type { FulfillmentWaveDetail } from '@linli/shared-types';
import { waveFlow } from '../logic';

/** 截单 → 采购 → 拣货 → 发货 → 到货 → 已提货, each with its count. */
export function FlowSteps({ wave }: { wave: FulfillmentWaveDetail }) {
  const steps = waveFlow(wave);
  return (
    <Card variant="borderless" style={{ marginBottom: 16 }} data-testid="wave-flow">
      <Steps
        size="small"
        items={steps.map((step) => ({
          title: step.title,
          status: step.status,
          description: (
            <div data-testid={`wave-flow-${step.key}`}>
              <Typography.Text strong style={{ fontSize: 16 }} data-testid="wave-flow-figure">
                {step.figure}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {step.caption}
              </Typography.Text>
            </div>
          ),
        }))}
      />
    </Card>
  );
}
