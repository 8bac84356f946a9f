import ExcelJS from 'exceljs';
import {
  COMMISSION_ENTRY_STATUS_LABELS,
  COMMISSION_ENTRY_TYPE_LABELS,
  type CommissionStatement,
  type StatementSummary,
  type WithdrawalView,
} from '@linli/shared-types';
import { shanghaiDate } from '../../platform';
import { ENTRY_TYPES } from './statements.service';

/** Excel files finance downloads: statements, the all-leaders summary, the bank payout batch. */

const PERIOD_LABELS = { day: '日', week: '周', month: '月' } as const;
const MONEY_FORMAT = '#,##0.00';

const yuan = (fen: number) => fen / 100;
const shanghaiTimeText = (iso: string) => {
  const at = new Date(iso);
  return `${shanghaiDate(at)} ${new Date(at.getTime() + 8 * 3600_000).toISOString().slice(11, 19)}`;
};

function sheetWith(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: Array<{ header: string; key: string; width: number; money?: boolean }>,
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map(({ header, key, width, money }) => ({
    header,
    key,
    width,
    style: money ? { numFmt: MONEY_FORMAT } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  return sheet;
}

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function statementWorkbook(statement: CommissionStatement): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '邻里团购';
  const totals = sheetWith(workbook, '汇总', [
    { header: '项目', key: 'label', width: 24 },
    { header: '金额（元）', key: 'amount', width: 16, money: true },
  ]);
  totals.addRow({ label: `团长：${statement.leaderName}（ID ${statement.leaderId}）` });
  totals.addRow({
    label: `对账周期（${PERIOD_LABELS[statement.period]}）：${statement.from} 至 ${statement.to}`,
  });
  for (const type of ENTRY_TYPES) {
    totals.addRow({ label: COMMISSION_ENTRY_TYPE_LABELS[type], amount: yuan(statement.totals.byType[type]) });
  }
  totals.addRow({ label: '订单相关合计', amount: yuan(statement.totals.ordersTotal) });
  totals.addRow({ label: '非订单合计', amount: yuan(statement.totals.withoutOrder) });
  totals.addRow({ label: '合计', amount: yuan(statement.totals.total) }).font = { bold: true };

  const orders = sheetWith(workbook, '订单', [
    { header: '订单号', key: 'orderNo', width: 24 },
    { header: '实付（元）', key: 'paid', width: 14, money: true },
    { header: '佣金（元）', key: 'commission', width: 14, money: true },
  ]);
  for (const order of statement.orders) {
    orders.addRow({
      orderNo: order.orderNo,
      paid: yuan(order.paidAmount),
      commission: yuan(order.commission),
    });
  }

  const entries = sheetWith(workbook, '明细', [
    { header: '时间', key: 'time', width: 20 },
    { header: '类型', key: 'type', width: 12 },
    { header: '金额（元）', key: 'amount', width: 14, money: true },
    { header: '状态', key: 'status', width: 10 },
    { header: '订单号', key: 'orderNo', width: 24 },
    { header: '方案版本', key: 'version', width: 10 },
    { header: '计算依据', key: 'details', width: 60 },
    { header: '备注', key: 'note', width: 30 },
  ]);
  for (const entry of statement.entries) {
    entries.addRow({
      time: shanghaiTimeText(entry.createdAt),
      type: COMMISSION_ENTRY_TYPE_LABELS[entry.type],
      amount: yuan(entry.amount),
      status: COMMISSION_ENTRY_STATUS_LABELS[entry.status],
      orderNo: entry.orderNo ?? '',
      version: entry.ruleSetVersion === null ? '' : `v${entry.ruleSetVersion}`,
      details: entry.details.map((d) => `${d.label}（${d.rule}）`).join('；'),
      note: entry.note ?? '',
    });
  }
  return toBuffer(workbook);
}

export async function summaryWorkbook(summary: StatementSummary): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '邻里团购';
  const sheet = sheetWith(workbook, `${summary.from}至${summary.to}`, [
    { header: '团长ID', key: 'leaderId', width: 10 },
    { header: '团长', key: 'leaderName', width: 16 },
    { header: '订单数', key: 'orders', width: 10 },
    ...ENTRY_TYPES.map((type) => ({
      header: `${COMMISSION_ENTRY_TYPE_LABELS[type]}（元）`,
      key: type,
      width: 14,
      money: true,
    })),
    { header: '合计（元）', key: 'total', width: 14, money: true },
  ]);
  for (const row of summary.rows) {
    sheet.addRow({
      leaderId: row.leaderId,
      leaderName: row.leaderName,
      orders: row.orders,
      ...Object.fromEntries(ENTRY_TYPES.map((type) => [type, yuan(row.byType[type])])),
      total: yuan(row.total),
    });
  }
  sheet.addRow({ leaderName: '合计', total: yuan(summary.total) }).font = { bold: true };
  return toBuffer(workbook);
}

export async function bankBatchWorkbook(batchNo: string, withdrawals: WithdrawalView[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '邻里团购';
  const sheet = sheetWith(workbook, batchNo, [
    { header: '序号', key: 'index', width: 6 },
    { header: '提现单号', key: 'id', width: 10 },
    { header: '团长', key: 'leaderName', width: 14 },
    { header: '开户名', key: 'holder', width: 14 },
    { header: '开户银行', key: 'bankName', width: 28 },
    { header: '银行卡号', key: 'accountNo', width: 26 },
    { header: '金额（元）', key: 'amount', width: 14, money: true },
    { header: '申请时间', key: 'requestedAt', width: 20 },
  ]);
  withdrawals.forEach((w, index) => {
    sheet.addRow({
      index: index + 1,
      id: w.id,
      leaderName: w.leaderName,
      holder: w.bankAccount?.holder ?? '',
      bankName: w.bankAccount?.bankName ?? '',
      // Text, so Excel keeps every digit of a long card number.
      accountNo: w.bankAccount?.accountNo ?? '',
      amount: yuan(w.amount),
      requestedAt: shanghaiTimeText(w.requestedAt),
    });
  });
  sheet.getColumn('accountNo').numFmt = '@';
  sheet.addRow({ leaderName: '合计', amount: yuan(withdrawals.reduce((sum, w) => sum + w.amount, 0)) }).font =
    {
      bold: true,
    };
  return toBuffer(workbook);
}
