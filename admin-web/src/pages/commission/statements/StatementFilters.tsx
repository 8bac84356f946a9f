import { DatePicker, Radio, Space } from 'antd';
import dayjs from 'dayjs';
import type { StatementPeriod } from '@linli/shared-types';
import { STATEMENT_PERIOD_LABELS } from '../../../labels/commission';
import { LeaderFilterSelect } from '../../orders/components/FilterSelects';
import { shanghaiToday } from '../../orders/service';
import { STATEMENT_PERIODS, type StatementSearch } from '../statement-view';

const PERIOD_OPTIONS = STATEMENT_PERIODS.map((value) => ({ value, label: STATEMENT_PERIOD_LABELS[value] }));
/** The calendar shows days, weeks or months; whichever day is picked, the server finds its period. */
const PICKER: Record<StatementPeriod, 'date' | 'week' | 'month'> = {
  day: 'date',
  week: 'week',
  month: 'month',
};

/** Leader (for one leader's statement), 日 / 周 / 月 and a day in the period (Asia/Shanghai). */
export function StatementFilters({
  search,
  leaderName,
  onChange,
}: {
  search: StatementSearch;
  leaderName: string | null;
  onChange: (patch: Partial<StatementSearch>) => void;
}) {
  const today = dayjs(shanghaiToday());
  return (
    <Space wrap size={[12, 12]}>
      {search.mode === 'leader' && (
        <LeaderFilterSelect
          value={search.leaderId}
          selectedName={leaderName}
          placeholder="选择团长"
          style={{ width: 200 }}
          onChange={(leaderId) => onChange({ leaderId })}
          data-testid="statement-leader"
        />
      )}
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        options={PERIOD_OPTIONS}
        value={search.period}
        onChange={(e) => onChange({ period: e.target.value as StatementPeriod })}
        data-testid="statement-period"
      />
      <DatePicker
        picker={PICKER[search.period]}
        value={dayjs(search.date)}
        allowClear={false}
        disabledDate={(d) => d.isAfter(today, 'day')}
        onChange={(d) => d && onChange({ date: d.format('YYYY-MM-DD') })}
        style={{ width: 160 }}
        data-testid="statement-date"
      />
    </Space>
  );
}
