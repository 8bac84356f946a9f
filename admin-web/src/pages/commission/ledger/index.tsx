import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Button, Card, Tabs } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { PageHeader } from '../../../components/PageHeader';
import { usePermission } from '../../../session/hooks';
import { AdjustmentModal, type AdjustmentTarget } from '../components/AdjustmentModal';
import { entriesOfLeader, ledgerFromSearch, searchFromLedger, type LedgerSearch } from '../ledger-query';
import { BalancesTab } from './BalancesTab';
import { EntriesTab } from './EntriesTab';

/** 佣金明细: each leader's balances, and the ledger behind them; finance adjusts from here. */
export default function CommissionLedgerPage() {
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => ledgerFromSearch(params), [params]);
  const canWrite = usePermission('commission.write');
  const [adjusting, setAdjusting] = useState<AdjustmentTarget | null>(null);

  const setSearch = (patch: Partial<LedgerSearch>, resetPage = true) =>
    setParams(searchFromLedger({ ...search, ...(resetPage ? { page: 1 } : {}), ...patch }));

  return (
    <>
      <PageHeader
        title="佣金明细"
        description="团长佣金余额与每一笔流水：订单佣金冻结至售后期满后可提现，退款自动冲回；人工调整需填写原因并记入操作日志。"
        extra={
          canWrite && (
            <Button
              icon={<EditOutlined />}
              onClick={() => setAdjusting({ leader: null })}
              data-testid="adjustment-open"
            >
              佣金调整
            </Button>
          )
        }
      />
      <Card variant="borderless" styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={search.tab}
          onChange={(key) => setParams(key === 'entries' ? { tab: 'entries' } : {})}
          items={[
            { key: 'balances', label: <span data-testid="ledger-tab-balances">团长余额</span> },
            { key: 'entries', label: <span data-testid="ledger-tab-entries">流水</span> },
          ]}
          data-testid="ledger-tabs"
        />
        {search.tab === 'balances' ? (
          <BalancesTab
            search={search}
            onChange={setSearch}
            onEntries={(leaderId) => setParams(entriesOfLeader(leaderId))}
            onAdjust={(leader) => setAdjusting({ leader })}
          />
        ) : (
          <EntriesTab search={search} onChange={setSearch} onReset={() => setParams({ tab: 'entries' })} />
        )}
      </Card>
      <AdjustmentModal target={adjusting} onClose={() => setAdjusting(null)} />
    </>
  );
}
