import { Button, DatePicker, Input, InputNumber, Select, Space } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { AuditLogQuery } from '@linli/shared-types';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from '../../../../labels/audit';

interface Props {
  query: AuditLogQuery;
  onChange: (patch: Partial<AuditLogQuery>) => void;
  onReset: () => void;
}

const ACTION_OPTIONS = Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({
  value,
  label: `${label}（${value}）`,
}));
const ENTITY_OPTIONS = Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => ({ value, label }));

export function AuditFilters({ query, onChange, onReset }: Props) {
  const range: [Dayjs | null, Dayjs | null] = [
    query.from ? dayjs(query.from) : null,
    query.to ? dayjs(query.to) : null,
  ];
  return (
    <Space wrap size={[12, 12]}>
      <InputNumber<number>
        key={`actor-${query.actorId ?? ''}`}
        defaultValue={query.actorId}
        min={1}
        precision={0}
        placeholder="操作人 ID"
        style={{ width: 130 }}
        onBlur={(e) => {
          const n = Number(e.target.value);
          onChange({ actorId: Number.isInteger(n) && n > 0 ? n : undefined });
        }}
        onPressEnter={(e) => {
          const n = Number((e.target as HTMLInputElement).value);
          onChange({ actorId: Number.isInteger(n) && n > 0 ? n : undefined });
        }}
        data-testid="audit-filter-actor"
      />
      <Select<string>
        value={query.action}
        placeholder="全部操作"
        allowClear
        showSearch
        optionFilterProp="label"
        options={ACTION_OPTIONS}
        style={{ width: 220 }}
        onChange={(action) => onChange({ action })}
        data-testid="audit-filter-action"
      />
      <Select<string>
        value={query.entityType}
        placeholder="全部对象"
        allowClear
        options={ENTITY_OPTIONS}
        style={{ width: 130 }}
        onChange={(entityType) => onChange({ entityType, entityId: entityType ? query.entityId : undefined })}
        data-testid="audit-filter-entity"
      />
      <Input
        key={`entity-${query.entityId ?? ''}`}
        defaultValue={query.entityId}
        placeholder="对象 ID"
        allowClear
        style={{ width: 110 }}
        onBlur={(e) => onChange({ entityId: e.target.value.trim() || undefined })}
        onPressEnter={(e) => onChange({ entityId: (e.target as HTMLInputElement).value.trim() || undefined })}
      />
      <DatePicker.RangePicker
        showTime={{ format: 'HH:mm' }}
        format="YYYY-MM-DD HH:mm"
        value={range}
        allowEmpty={[true, true]}
        presets={[
          { label: '今天', value: [dayjs().startOf('day'), dayjs().endOf('day')] },
          { label: '最近 7 天', value: [dayjs().subtract(7, 'day').startOf('day'), dayjs().endOf('day')] },
          { label: '最近 30 天', value: [dayjs().subtract(30, 'day').startOf('day'), dayjs().endOf('day')] },
        ]}
        onChange={(values) =>
          onChange({
            from: values?.[0] ? values[0].second(0).millisecond(0).toISOString() : undefined,
            to: values?.[1] ? values[1].second(59).millisecond(999).toISOString() : undefined,
          })
        }
        data-testid="audit-filter-time"
      />
      <Button icon={<ReloadOutlined />} onClick={onReset}>
        重置
      </Button>
    </Space>
  );
}
