import type {
  CommissionPreview,
  CommissionPreviewRequest,
  CommissionRules,
  Fen,
  RuleSetSimulationRequest,
  SkuPickerItem,
} from '@linli/shared-types';
import { fenToYuan, yuanToFen } from '../../utils/money';
import { signedFen } from './format';
import { dayRangeToIso } from './time';

/** 试算: a sample order of one leader, priced by staff in 元. */
export interface PreviewLineRow {
  skuId: number | null;
  /** `商品（规格）` when picked from the catalog; null when typed as a bare id. */
  label: string | null;
  quantity: number | null;
  unitPriceYuan: number | null;
}
export interface PreviewFormValues {
  leaderId?: number;
  lines: PreviewLineRow[];
  /** Empty: the server uses the leader's GMV so far this month. */
  monthGmvYuan: number | null;
}
export const PREVIEW_FORM_FIELDS = ['leaderId', 'lines', 'monthGmvYuan'];
export const MAX_PREVIEW_LINES = 20;

/** A picked SKU as a line of one unit at its retail price. */
export function lineFromSku(sku: SkuPickerItem): PreviewLineRow {
  return {
    skuId: sku.skuId,
    label: `${sku.productName}（${sku.specText || '默认规格'}）`,
    quantity: 1,
    unitPriceYuan: fenToYuan(sku.price),
  };
}

export function toPreviewRequest(
  rules: CommissionRules,
  values: PreviewFormValues,
): CommissionPreviewRequest {
  const request: CommissionPreviewRequest = {
    rules,
    leaderId: values.leaderId ?? 0,
    lines: values.lines.map((line) => ({
      skuId: line.skuId ?? 0,
      quantity: line.quantity ?? 0,
      unitPrice: yuanToFen(line.unitPriceYuan ?? 0),
    })),
  };
  if (values.monthGmvYuan !== null && values.monthGmvYuan !== undefined)
    request.monthGmvFen = yuanToFen(values.monthGmvYuan);
  return request;
}

/** A server field of the preview request as the preview form's field (`rules.*` belong to the editor). */
export function previewFieldOf(field: string): string {
  return field.replace(/\.unitPrice$/, '.unitPriceYuan').replace(/^monthGmvFen$/, 'monthGmvYuan');
}

export function previewTotal(preview: CommissionPreview): Fen {
  return preview.entries.reduce((sum, entry) => sum + entry.amount, 0);
}

/** 历史订单模拟 over whole Asia/Shanghai days, both included. */
export function toSimulationRequest(fromDay: string, toDay: string): RuleSetSimulationRequest {
  const range = dayRangeToIso(fromDay, toDay);
  return { from: range.from!, to: range.to! };
}

/** `+¥12.00（+3.5%）`: what the simulated rules would change against what was recorded. */
export function describeChange(recorded: Fen, simulated: Fen): string {
  const diff = simulated - recorded;
  if (recorded === 0) return diff === 0 ? '无变化' : signedFen(diff);
  const percent = (diff / Math.abs(recorded)) * 100;
  const shown = Math.abs(percent) < 0.05 ? '0.0' : percent.toFixed(1);
  return `${signedFen(diff)}（${percent > 0 && shown !== '0.0' ? '+' : ''}${shown}%）`;
}
