import { useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { parseRouteId } from '../../../utils/url-query';
import { shanghaiTime } from '../../orders/service';
import { pointLabel } from '../logic';
import { fetchDeliverySheet, fulfillmentKeys } from '../service';
import { PrintLayout, printStyles as s } from './PrintLayout';

/** Print page of a route's delivery sheet (配送单): the loading totals, then the stops in driving order. */
export default function DeliverySheetPrintPage() {
  const params = useParams();
  const waveId = parseRouteId(params.id);
  const routeId = parseRouteId(params.routeId);
  const query = useQuery({
    queryKey: fulfillmentKeys.deliverySheet(waveId ?? 0, routeId ?? 0),
    queryFn: () => fetchDeliverySheet(waveId!, routeId!),
    enabled: waveId !== null && routeId !== null,
  });
  const sheet = query.data;
  return (
    <PrintLayout
      title={`配送单-${sheet?.route.name ?? ''}-波次${waveId ?? ''}`}
      back={`/fulfillment/waves/${waveId ?? ''}/routes/${routeId ?? ''}`}
      query={query}
    >
      {sheet && (
        <section className={s.sheet} data-testid="print-sheet">
          <h1 className={s.title}>配送单 · {sheet.route.name}</h1>
          <div className={s.meta}>
            <span>活动：{sheet.campaignTitle}</span>
            <span>提货日：{sheet.pickupDate}</span>
            <span>
              司机：{sheet.route.driverName} {sheet.route.driverPhone}
            </span>
            <span>车辆：{sheet.route.vehicle ?? '—'}</span>
            <span>
              {sheet.stops.length} 站 · {sheet.orderCount} 单 · 共{' '}
              <strong data-testid="print-total">{sheet.totalQuantity}</strong> 件
            </span>
            {sheet.shippedAt && <span>发车：{shanghaiTime(sheet.shippedAt)}</span>}
            {sheet.route.note && <span>备注：{sheet.route.note}</span>}
          </div>
          <div className={s.section}>装车汇总</div>
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
                <th className={s.check}>已装</th>
              </tr>
            </thead>
            <tbody>
              {sheet.lines.map((line, i) => (
                <tr key={line.skuId}>
                  <td>{i + 1}</td>
                  <td>{line.productName}</td>
                  <td>{line.specText}</td>
                  <td>{line.unit}</td>
                  <td className={s.num}>{line.quantity}</td>
                  <td />
                </tr>
              ))}
            </tbody>
          </table>
          <div className={s.section}>站点（按配送顺序）</div>
          <table className={s.table}>
            <thead>
              <tr>
                <th style={{ width: 28 }}>站</th>
                <th style={{ width: 170 }}>自提点 / 团长</th>
                <th>商品</th>
                <th className={s.num} style={{ width: 40 }}>
                  订单
                </th>
                <th className={s.num} style={{ width: 40 }}>
                  件数
                </th>
                <th style={{ width: 70 }}>团长签收</th>
              </tr>
            </thead>
            <tbody>
              {sheet.stops.map((stop) => (
                <tr key={stop.leaderId}>
                  <td>{stop.seq}</td>
                  <td>
                    <strong>{pointLabel(stop.pickupPoint?.name, stop.leaderName)}</strong>
                    <div className={s.muted}>{stop.leaderPhone ?? ''}</div>
                    {stop.pickupPoint?.address && <div className={s.muted}>{stop.pickupPoint.address}</div>}
                  </td>
                  <td>
                    {stop.lines.length === 0
                      ? '本波次无货'
                      : stop.lines.map((l) => `${l.productName} ${l.specText} ×${l.quantity}`).join('；')}
                  </td>
                  <td className={s.num}>{stop.orderCount}</td>
                  <td className={s.num}>{stop.totalQuantity}</td>
                  <td />
                </tr>
              ))}
              <tr className={s.total}>
                <td colSpan={3}>合计</td>
                <td className={s.num}>{sheet.orderCount}</td>
                <td className={s.num}>{sheet.totalQuantity}</td>
                <td />
              </tr>
            </tbody>
          </table>
          <div className={s.signature}>
            <span>发货人：</span>
            <span>司机签字：</span>
          </div>
        </section>
      )}
    </PrintLayout>
  );
}
