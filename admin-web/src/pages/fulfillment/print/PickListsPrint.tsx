import { useParams, useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { ORDER_STATUS_LABELS, type PickList } from '@linli/shared-types';
import { parseRouteId, positiveInt } from '../../../utils/url-query';
import { pickListsToPrint, pointLabel } from '../logic';
import { fetchPickLists, fulfillmentKeys } from '../service';
import { PrintLayout, printStyles as s } from './PrintLayout';

function PickSheet({ list }: { list: PickList }) {
  return (
    <section className={s.sheet} data-testid="print-sheet">
      <h1 className={s.title}>拣货单</h1>
      <div className={s.meta}>
        <span>
          自提点：
          <strong data-testid="print-point">{pointLabel(list.pickupPoint?.name, list.leaderName)}</strong>
        </span>
        <span>团长电话：{list.leaderPhone ?? '—'}</span>
        <span>线路：{list.route ? `${list.route.routeName} 第 ${list.route.seq} 站` : '未分配线路'}</span>
        <span>活动：{list.campaignTitle}</span>
        <span>提货日：{list.pickupDate}</span>
        {list.pickupPoint?.address && <span>地址：{list.pickupPoint.address}</span>}
      </div>
      <div className={s.section}>
        拣货明细（{list.lines.length} 种，共 <span data-testid="print-total">{list.totalQuantity}</span> 件）
      </div>
      <table className={s.table}>
        <thead>
          <tr>
            <th style={{ width: 28 }}>#</th>
            <th>商品</th>
            <th>规格</th>
            <th style={{ width: 40 }}>单位</th>
            <th className={s.num} style={{ width: 56 }}>
              数量
            </th>
            <th className={s.check}>已拣</th>
          </tr>
        </thead>
        <tbody>
          {list.lines.map((line, i) => (
            <tr key={line.skuId}>
              <td>{i + 1}</td>
              <td>{line.productName}</td>
              <td>{line.specText}</td>
              <td>{line.unit}</td>
              <td className={s.num}>{line.quantity}</td>
              <td />
            </tr>
          ))}
          <tr className={s.total}>
            <td colSpan={4}>合计</td>
            <td className={s.num}>{list.totalQuantity}</td>
            <td />
          </tr>
        </tbody>
      </table>
      <div className={s.section}>订单核对（{list.orderCount} 单）</div>
      <table className={s.table}>
        <thead>
          <tr>
            <th style={{ width: 150 }}>订单号</th>
            <th style={{ width: 140 }}>买家</th>
            <th>商品</th>
            <th style={{ width: 54 }}>状态</th>
            <th className={s.check}>交接</th>
          </tr>
        </thead>
        <tbody>
          {list.orders.map((order) => (
            <tr key={order.orderId}>
              <td style={{ fontFamily: 'monospace' }}>{order.orderNo}</td>
              <td>
                {order.buyerName}
                {order.buyerPhoneTail && (
                  <span className={s.muted} style={{ whiteSpace: 'nowrap' }}>
                    {' '}
                    尾号{order.buyerPhoneTail}
                  </span>
                )}
              </td>
              <td>{order.lines.map((l) => `${l.productName} ${l.specText} ×${l.quantity}`).join('；')}</td>
              <td>{ORDER_STATUS_LABELS[order.status] ?? order.status}</td>
              <td />
            </tr>
          ))}
        </tbody>
      </table>
      <div className={s.signature}>
        <span>拣货人：</span>
        <span>复核人：</span>
        <span>团长签收：</span>
      </div>
    </section>
  );
}

/** Print page of the wave's pick lists: one A4 sheet per pickup point (or only `?leaderId=`). */
export default function PickListsPrintPage() {
  const waveId = parseRouteId(useParams().id);
  const [params] = useSearchParams();
  const leaderId = positiveInt(params.get('leaderId'));
  const query = useQuery({
    queryKey: fulfillmentKeys.pickLists(waveId ?? 0),
    queryFn: () => fetchPickLists(waveId!),
    enabled: waveId !== null,
  });
  const lists = pickListsToPrint(query.data ?? [], leaderId);
  const first = lists[0];
  return (
    <PrintLayout
      title={`拣货单-波次${waveId ?? ''}${leaderId && first ? `-${first.leaderName}` : ''}`}
      back={`/fulfillment/waves/${waveId ?? ''}`}
      query={query}
    >
      {lists.length === 0 ? (
        <section className={s.sheet}>
          <div className={s.empty}>没有要打印的拣货单</div>
        </section>
      ) : (
        lists.map((list) => <PickSheet key={list.leaderId} list={list} />)
      )}
    </PrintLayout>
  );
}
