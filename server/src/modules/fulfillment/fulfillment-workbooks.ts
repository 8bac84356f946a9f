import ExcelJS from 'exceljs';
import {
  ORDER_STATUS_LABELS,
  PURCHASE_LIST_STATUS_LABELS,
  type DeliverySheet,
  type PickList,
  type PickSummary,
  type PurchaseListDetail,
} from '@linli/shared-types';

/** Excel files of the warehouse: purchase lists, pick lists (per point and summary), delivery sheets. */

const MONEY_FORMAT = '#,##0.00';
const yuan = (fen: number) => fen / 100;

interface ColumnSpec {
  header: string;
  key: string;
  width: number;
  money?: boolean;
}

function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '邻里团购';
  return workbook;
}

/** A sheet with title lines above a bold header row. Sheet names: ≤ 31 characters, no []:*?/\. */
function sheetWith(
  workbook: ExcelJS.Workbook,
  name: string,
  titleLines: string[],
  columns: ColumnSpec[],
): ExcelJS.Worksheet {
  const safe = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet';
  const sheet = workbook.addWorksheet(safe);
  columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width;
  });
  for (const line of titleLines) sheet.addRow([line]);
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  return sheet;
}

function addRows(
  sheet: ExcelJS.Worksheet,
  columns: ColumnSpec[],
  rows: Array<Record<string, string | number | null>>,
): void {
  for (const row of rows) {
    const added = sheet.addRow(
      columns.map((c) =>
        c.money && typeof row[c.key] === 'number' ? yuan(row[c.key] as number) : row[c.key],
      ),
    );
    columns.forEach((c, i) => {
      if (c.money) added.getCell(i + 1).numFmt = MONEY_FORMAT;
    });
  }
}

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function purchaseListWorkbook(list: PurchaseListDetail): Promise<Buffer> {
  const workbook = newWorkbook();
  const columns: ColumnSpec[] = [
    { header: '商品', key: 'product', width: 28 },
    { header: '规格', key: 'spec', width: 16 },
    { header: '单位', key: 'unit', width: 6 },
    { header: '需求量', key: 'demand', width: 10 },
    { header: '可用库存', key: 'stock', width: 10 },
    { header: '建议采购', key: 'suggested', width: 10 },
    { header: '采购数量', key: 'quantity', width: 10 },
    { header: '实收数量', key: 'received', width: 10 },
    { header: '单价（元）', key: 'cost', width: 12, money: true },
    { header: '金额（元）', key: 'total', width: 14, money: true },
  ];
  const sheet = sheetWith(
    workbook,
    '采购单',
    [
      `采购单 ${list.listNo}（${PURCHASE_LIST_STATUS_LABELS[list.status]}）`,
      `供应商：${list.supplierName}  联系人：${list.supplierContactName ?? '—'}  电话：${list.supplierContactPhone ?? '—'}`,
      `活动：${list.campaignTitle}  提货日：${list.pickupDate}`,
    ],
    columns,
  );
  addRows(
    sheet,
    columns,
    list.lines.map((l) => ({
      product: l.productName,
      spec: l.specText,
      unit: l.unit,
      demand: l.demandQuantity,
      stock: l.stockQuantity,
      suggested: l.suggestedQuantity,
      quantity: l.quantity,
      received: l.receivedQuantity,
      cost: l.unitCost,
      total: l.lineTotal,
    })),
  );
  const total = sheet.addRow([
    '合计',
    '',
    '',
    '',
    '',
    '',
    list.totalQuantity,
    '',
    '',
    yuan(list.totalAmount),
  ]);
  total.font = { bold: true };
  total.getCell(10).numFmt = MONEY_FORMAT;
  return toBuffer(workbook);
}

function addPickListSheet(workbook: ExcelJS.Workbook, list: PickList): void {
  const columns: ColumnSpec[] = [
    { header: '商品', key: 'product', width: 28 },
    { header: '规格', key: 'spec', width: 16 },
    { header: '单位', key: 'unit', width: 6 },
    { header: '数量', key: 'quantity', width: 8 },
    { header: '订单（数量）', key: 'orders', width: 60 },
  ];
  const point = list.pickupPoint;
  const sheet = sheetWith(
    workbook,
    `${list.route ? `${list.route.seq}-` : ''}${point?.name ?? list.leaderName}`,
    [
      `拣货单  ${list.campaignTitle}  提货日：${list.pickupDate}`,
      `自提点：${point?.name ?? '—'}  地址：${point?.address ?? '—'}  团长：${list.leaderName} ${list.leaderPhone ?? ''}`,
      `线路：${list.route ? `${list.route.routeName} 第 ${list.route.seq} 站` : '未分配'}  订单 ${list.orderCount} 笔  共 ${list.totalQuantity} 件`,
    ],
    columns,
  );
  addRows(
    sheet,
    columns,
    list.lines.map((l) => ({
      product: l.productName,
      spec: l.specText,
      unit: l.unit,
      quantity: l.quantity,
      orders: l.orders.map((o) => `${o.orderNo}（${o.quantity}）`).join('，'),
    })),
  );
  sheet.addRow([]);
  sheet.addRow(['订单号', '买家', '手机尾号', '状态', '商品']).font = { bold: true };
  for (const order of list.orders) {
    sheet.addRow([
      order.orderNo,
      order.buyerName,
      order.buyerPhoneTail ?? '',
      ORDER_STATUS_LABELS[order.status],
      order.lines.map((l) => `${l.productName} ${l.specText} ×${l.quantity}`).join('；'),
    ]);
  }
}

export async function pickListsWorkbook(lists: PickList[]): Promise<Buffer> {
  const workbook = newWorkbook();
  if (lists.length === 0) sheetWith(workbook, '拣货单', ['本波次没有订单'], []);
  const names = new Set<string>();
  for (const list of lists) {
    addPickListSheet(workbook, list);
    const sheet = workbook.worksheets.at(-1)!;
    // Two points of the same name: keep sheet names unique.
    if (names.has(sheet.name)) sheet.name = `${sheet.name.slice(0, 24)}-${list.leaderId}`;
    names.add(sheet.name);
  }
  return toBuffer(workbook);
}

export async function pickSummaryWorkbook(summary: PickSummary): Promise<Buffer> {
  const workbook = newWorkbook();
  const pointColumns: ColumnSpec[] = summary.points.map((p) => ({
    header: p.pickupPointName ?? p.leaderName,
    key: `p${p.leaderId}`,
    width: 12,
  }));
  const columns: ColumnSpec[] = [
    { header: '商品', key: 'product', width: 28 },
    { header: '规格', key: 'spec', width: 16 },
    { header: '单位', key: 'unit', width: 6 },
    { header: '合计', key: 'quantity', width: 8 },
    ...pointColumns,
  ];
  const sheet = sheetWith(
    workbook,
    '汇总拣货单',
    [
      `汇总拣货单  ${summary.campaignTitle}  提货日：${summary.pickupDate}`,
      `自提点 ${summary.pointCount} 个  订单 ${summary.orderCount} 笔  共 ${summary.totalQuantity} 件`,
    ],
    columns,
  );
  addRows(
    sheet,
    columns,
    summary.lines.map((l) => ({
      product: l.productName,
      spec: l.specText,
      unit: l.unit,
      quantity: l.quantity,
      ...Object.fromEntries(l.byPoint.map((p) => [`p${p.leaderId}`, p.quantity])),
    })),
  );
  return toBuffer(workbook);
}

export async function deliverySheetWorkbook(sheetData: DeliverySheet): Promise<Buffer> {
  const workbook = newWorkbook();
  const { route } = sheetData;
  const stopColumns: ColumnSpec[] = [
    { header: '站', key: 'seq', width: 5 },
    { header: '自提点', key: 'point', width: 22 },
    { header: '地址', key: 'address', width: 32 },
    { header: '团长', key: 'leader', width: 10 },
    { header: '电话', key: 'phone', width: 14 },
    { header: '订单数', key: 'orders', width: 8 },
    { header: '件数', key: 'quantity', width: 8 },
    { header: '商品明细', key: 'lines', width: 60 },
    { header: '签收', key: 'sign', width: 10 },
  ];
  const stops = sheetWith(
    workbook,
    '配送单',
    [
      `配送单  线路：${route.name}  ${sheetData.campaignTitle}  提货日：${sheetData.pickupDate}`,
      `司机：${route.driverName} ${route.driverPhone}  车辆：${route.vehicle ?? '—'}  共 ${sheetData.stops.length} 站、${sheetData.orderCount} 单、${sheetData.totalQuantity} 件`,
    ],
    stopColumns,
  );
  addRows(
    stops,
    stopColumns,
    sheetData.stops.map((s) => ({
      seq: s.seq,
      point: s.pickupPoint?.name ?? s.leaderName,
      address: s.pickupPoint?.address ?? '',
      leader: s.leaderName,
      phone: s.leaderPhone ?? s.pickupPoint?.contactPhone ?? '',
      orders: s.orderCount,
      quantity: s.totalQuantity,
      lines: s.lines.map((l) => `${l.productName} ${l.specText} ×${l.quantity}`).join('；'),
      sign: '',
    })),
  );
  const loadColumns: ColumnSpec[] = [
    { header: '商品', key: 'product', width: 28 },
    { header: '规格', key: 'spec', width: 16 },
    { header: '单位', key: 'unit', width: 6 },
    { header: '装车数量', key: 'quantity', width: 10 },
  ];
  const load = sheetWith(workbook, '装车汇总', [`线路：${route.name}`], loadColumns);
  addRows(
    load,
    loadColumns,
    sheetData.lines.map((l) => ({
      product: l.productName,
      spec: l.specText,
      unit: l.unit,
      quantity: l.quantity,
    })),
  );
  return toBuffer(workbook);
}
