import { useState } from 'react';
import { Button, Card, Flex, Input, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { SpecDimension } from '@linli/shared-types';
import { LIMITS } from '../sku-matrix';

interface Props {
  dimensions: SpecDimension[];
  onChange: (next: SpecDimension[]) => void;
}

/** 规格维度: a name and its values as tags; every change regenerates the SKU matrix below. */
export function SpecEditor({ dimensions, onChange }: Props) {
  const update = (index: number, patch: Partial<SpecDimension>) =>
    onChange(dimensions.map((d, i) => (i === index ? { ...d, ...patch } : d)));

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {dimensions.map((dim, index) => (
        <Card
          key={index}
          size="small"
          styles={{ body: { padding: 12 } }}
          style={{ background: '#fafbfc' }}
          data-testid="spec-dimension"
        >
          <Flex gap={12} align="flex-start">
            <Input
              value={dim.name}
              placeholder="规格名，如：规格 / 产地"
              maxLength={LIMITS.dimensionName}
              style={{ width: 180, flex: 'none' }}
              onChange={(e) => update(index, { name: e.target.value })}
              data-testid="spec-dimension-name"
            />
            <ValueTags values={dim.values} onChange={(values) => update(index, { values })} />
            <Button
              type="text"
              danger
              icon={<DeleteOutlined />}
              onClick={() => onChange(dimensions.filter((_, i) => i !== index))}
              aria-label="删除此规格维度"
            />
          </Flex>
        </Card>
      ))}
      <Flex gap={12} align="center">
        <Button
          icon={<PlusOutlined />}
          disabled={dimensions.length >= LIMITS.dimensions}
          onClick={() => onChange([...dimensions, { name: '', values: [] }])}
          data-testid="spec-add-dimension"
        >
          添加规格维度
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {dimensions.length === 0
            ? '不添加规格时商品只有一个默认规格'
            : `最多 ${LIMITS.dimensions} 个维度，每个维度最多 ${LIMITS.values} 个值；下方按组合自动生成规格表`}
        </Typography.Text>
      </Flex>
    </Space>
  );
}

function ValueTags({ values, onChange }: { values: string[]; onChange: (values: string[]) => void }) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = () => {
    // Several values can be typed at once, separated by commas or spaces.
    const typed = draft
      .split(/[,，、\s]+/)
      .map((v) => v.trim())
      .filter(Boolean);
    if (typed.length === 0) return;
    const tooLong = typed.find((v) => v.length > LIMITS.valueLength);
    if (tooLong) return setError(`「${tooLong}」超过 ${LIMITS.valueLength} 个字`);
    const fresh = typed.filter((v, i) => !values.includes(v) && typed.indexOf(v) === i);
    if (values.length + fresh.length > LIMITS.values) return setError(`最多 ${LIMITS.values} 个规格值`);
    setError(fresh.length < typed.length ? '重复的规格值已忽略' : null);
    onChange([...values, ...fresh]);
    setDraft('');
  };

  return (
    <div style={{ flex: 1, minWidth: 0 }}>
      <Flex wrap gap={6} align="center">
        {values.map((value) => (
          <Tag
            key={value}
            closable
            color="green"
            style={{ marginInlineEnd: 0, fontSize: 13, padding: '2px 8px' }}
            onClose={(e) => {
              e.preventDefault();
              onChange(values.filter((v) => v !== value));
            }}
            data-testid="spec-value"
          >
            {value}
          </Tag>
        ))}
        <Input
          size="small"
          value={draft}
          placeholder="输入规格值后回车"
          style={{ width: 160 }}
          onChange={(e) => {
            setDraft(e.target.value);
            setError(null);
          }}
          onPressEnter={(e) => {
            e.preventDefault();
            add();
          }}
          onBlur={add}
          data-testid="spec-value-input"
        />
      </Flex>
      {error && (
        <Typography.Text type="warning" style={{ fontSize: 12 }}>
          {error}
        </Typography.Text>
      )}
    </div>
  );
}
