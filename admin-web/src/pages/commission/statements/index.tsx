import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Card, Tabs } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { PageHeader } from '../../../components/PageHeader';
import { shanghaiToday } from '../../orders/service';
import { commissionKeys, fetchStatement } from '../service';
import { searchFromStatement, statementFromSearch, type StatementSearch } from '../statement-view';
import { LeaderStatement } from './LeaderStatement';
import { StatementFilters } from './StatementFilters';
import { StatementSummaryView } from './StatementSummaryView';

/** 对账单: one leader's statement, or all leaders' totals, for a day, week or month (Asia/Shanghai). */
export default function StatementsPage() {
  const [params, setParams] = useSearchParams();
  const today = shanghaiToday();
  const search = useMemo(() => statementFromSearch(params, today), [params, today]);
  const set = (patch: Partial<StatementSearch>) => setParams(searchFromStatement({ ...search, ...patch }));
  const { period, date, leaderId } = search;
  const leaderQuery = leaderId ? { leaderId, period, date } : null;
  const statement = useQuery({
    queryKey: commissionKeys.statement(leaderQuery ?? { leaderId: 0, period, date }),
    queryFn: () => fetchStatement(leaderQuery!),
    enabled: leaderQuery !== null && search.mode === 'leader',
  });
  // The picker names the chosen leader from the statement (a link carries only the id).
  const leaderName = leaderQuery ? (statement.data?.leaderName ?? null) : null;

  return (
    <>
      <PageHeader
        title="对账单"
        description="按日、周（周一起）、月核对团长佣金：本期合计、按类型小计、订单与流水；可下载 Excel 用于结算与存档。"
      />
      <Card variant="borderless" styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={search.mode}
          onChange={(mode) => set({ mode: mode as StatementSearch['mode'] })}
          items={[
            { key: 'leader', label: <span data-testid="statement-tab-leader">团长对账单</span> },
            { key: 'summary', label: <span data-testid="statement-tab-summary">汇总</span> },
          ]}
          data-testid="statement-tabs"
        />
        <div style={{ marginBottom: 24 }}>
          <StatementFilters search={search} leaderName={leaderName} onChange={set} />
        </div>
        {search.mode === 'leader' ? (
          <LeaderStatement query={leaderQuery} statement={statement} />
        ) : (
          <StatementSummaryView
            query={{ period, date }}
            onOpenLeader={(id) => set({ mode: 'leader', leaderId: id })}
          />
        )}
      </Card>
    </>
  );
}
