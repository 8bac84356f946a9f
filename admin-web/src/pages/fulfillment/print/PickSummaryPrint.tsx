import { useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { parseRouteId } from '../../../utils/url-query';
import { summaryPrintBlocks } from '../logic';
import { fetchPickSummary, fulfillmentKeys } from '../service';
import { PrintLayout, printStyles as s } from './PrintLayout';

/** Print page of the wave's summary pick list: per SKU, with per-point columns (6 points per sheet). */
export default function PickSummaryPrintPage() {
  const waveId = parseRouteId(useParams().id);
  const query = useQuery({
    queryKey: fulfillmentKeys.pickSummary(waveId ?? 0),
    queryFn: () => fetchPickSummary(waveId!),
    enabled: waveId !== null,
  });
  const summary = query.data;
  const blocks = summary ? summaryPrintBlocks(summary) : [];
  return (
    <PrintLayout
      title={`汇总拣货单-波次${waveId ?? ''}`}
      back={`/fulfillment/waves/${waveId ?? ''}`}
      query={query}
    >
      {summary &&
        blocks.map((block, b) => (
          <section className={s.sheet} key={b} data-testid="print-sheet">
            <h1 className={s.title}>汇总拣货单{blocks.length > 1 ? `（${b + 1}/${blocks.length}）` : ''}</h1>
            <div className={s.meta}>
              <span>活动：{summary.campaignTitle}</span>
              <span>提货日：{summary.pickupDate}</span>
              <span>自提点 {summary.pointCount} 个</span>
              <span>订单 {summary.orderCount} 单</span>
              <span>
                共 <strong data-testid="print-total">{summary.totalQuantity}</strong> 件
              </span>
            </div>
            <table className={s.table}>
              <thead>
                <tr>
                  <th style={{ width: 24 }}>#</th>
                  <th>商品 / 规格</th>
                  <th style={{ width: 36 }}>单位</th>
                  <th className={s.num} style={{ width: 48 }}>
                    合计
                  </th>
                  {block.points.map((p) => (
                    <th key={p.leaderId} className={s.num} style={{ whiteSpace: 'normal', width: 64 }}>
                      {p.pickupPointName ?? p.leaderName}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {block.rows.map((row, i) => (
                  <tr key={row.skuId}>
                    <td>{i + 1}</td>
                    <td>
                      {row.productName} <span className={s.muted}>{row.specText}</span>
                    </td>
                    <td>{row.unit}</td>
                    <td className={s.num}>
                      <strong>{row.quantity}</strong>
                    </td>
                    {row.byPoint.map((q, j) => (
                      <td key={j} className={s.num}>
                        {q || ''}
                      </td>
                    ))}
                  </tr>
                ))}
                {block.rows.length === 0 && (
                  <tr>
                    <td colSpan={4 + block.points.length} className={s.empty}>
                      本波次没有要拣的货
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
            <div className={s.signature}>
              <span>拣货人：</span>
              <span>复核人：</span>
            </div>
          </section>
        ))}
    </PrintLayout>
  );
}
