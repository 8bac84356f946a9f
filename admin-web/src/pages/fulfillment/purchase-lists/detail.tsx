import { useState } from 'react';
import { useParams } from 'react-router-dom';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  InputNumber,
  Modal,
  Row,
  Space,
  Statistic,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { CheckOutlined, InboxOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatFen, type PurchaseListDetail, type PurchaseListLine } from '@linli/shared-types';
import { DetailFallback, DetailHeader, type BackToList } from '../../../components/DetailPage';
import { useApiFeedback } from '../../../components/useApiFeedback';
import { usePermission } from '../../../session/hooks';
import { parseRouteId } from '../../../utils/url-query';
import { shanghaiTime } from '../../orders/service';
import { ExcelButton } from '../components/Downloads';
import { PurchaseStatusTag } from '../components/WaveTags';
import { changedLines } from '../logic';
import {
  adjustPurchaseList,
  downloadPurchaseList,
  fetchPurchaseList,
  fulfillmentKeys,
  markPurchaseListOrdered,
  receivePurchaseList,
} from '../service';

const MAX_QUANTITY = 1_000_000;
type Edits = Record<number, number | null>;

function ReceiveModal({
  list,
  open,
  onClose,
}: {
  list: PurchaseListDetail;
  open: boolean;
  onClose: () => void;
}) {
  const [received, setReceived] = useState<Edits>({});
  const { message } = App.useApp();
  const { showError } = useApiFeedback();
  const queryClient = useQueryClient();
  const receive = useMutation({
    mutationFn: () => {
      const lines = changedLines(list.lines, received);
      return receivePurchaseList(list.id, lines.length > 0 ? { lines } : {});
    },
    onSuccess: (next) => {
      queryClient.setQueryData(fulfillmentKeys.purchaseList(list.id), next);
      void queryClient.invalidateQueries({ queryKey: fulfillmentKeys.wave(list.waveId) });
      void message.success(`已入库 ${next.lines.reduce((s, l) => s + (l.receivedQuantity ?? 0), 0)} 件`);
      onClose();
    },
    onError: showError,
  });
  const total = list.lines.reduce((s, l) => s + (received[l.skuId] ?? l.quantity), 0);
  return (
    <Modal
      open={open}
      title={`到货入库 ${list.listNo}`}
      okText={`确认入库 ${total} 件`}
      cancelText="取消"
      width={640}
      onCancel={() => {
        setReceived({});
        onClose();
      }}
      onOk={() => receive.mutate()}
      confirmLoading={receive.isPending}
      okButtonProps={{ ...{ 'data-testid': 'receive-confirm' } }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        实收数量记入库存（出入库记录「采购入库 {list.listNo}
        」），入库后不能修改。与采购数量不同时请改成实收数。
      </Typography.Paragraph>
      <Table<PurchaseListLine>
        rowKey="skuId"
        size="small"
        pagination={false}
        dataSource={list.lines}
        columns={[
          {
            title: '商品 / 规格',
            key: 'p',
            render: (_, l) => `${l.productName} ${l.specText}`,
          },
          { title: '采购数量', dataIndex: 'quantity', width: 90, align: 'right' },
          {
            title: '实收数量',
            key: 'r',
            width: 120,
            render: (_, l) => (
              <InputNumber
                min={0}
                max={MAX_QUANTITY}
                precision={0}
                value={received[l.skuId] ?? l.quantity}
                onChange={(v) => setReceived((prev) => ({ ...prev, [l.skuId]: v }))}
                style={{ width: 100 }}
              />
            ),
          },
        ]}
      />
    </Modal>
  );
}

/** 采购单: the lines (editable while 待下单), 标记已下单, 到货入库 and the Excel file for the supplier. */
export default function PurchaseListPage() {
  const params = useParams();
  const id = parseRouteId(params.id);
  const waveId = parseRouteId(params.waveId);
  const back: BackToList = { to: `/fulfillment/waves/${waveId ?? ''}`, label: '返回波次' };
  const canWrite = usePermission('fulfillment.write');
  const { modal, message } = App.useApp();
  const { showError } = useApiFeedback();
  const queryClient = useQueryClient();
  const [edits, setEdits] = useState<Edits>({});
  const [receiving, setReceiving] = useState(false);

  const detail = useQuery({
    queryKey: fulfillmentKeys.purchaseList(id ?? 0),
    queryFn: () => fetchPurchaseList(id!),
    enabled: id !== null,
  });
  const onChanged = (next: PurchaseListDetail) => {
    queryClient.setQueryData(fulfillmentKeys.purchaseList(next.id), next);
    void queryClient.invalidateQueries({ queryKey: fulfillmentKeys.wave(next.waveId) });
  };
  const adjust = useMutation({
    mutationFn: (lines: Array<{ skuId: number; quantity: number }>) => adjustPurchaseList(id!, { lines }),
    onSuccess: (next) => {
      onChanged(next);
      setEdits({});
      void message.success('采购数量已保存');
    },
    onError: showError,
  });
  const markOrdered = useMutation({
    mutationFn: () => markPurchaseListOrdered(id!),
    onSuccess: (next) => {
      onChanged(next);
      void message.success('已标记为已下单');
    },
    onError: showError,
  });

  if (id === null || !detail.isSuccess)
    return (
      <DetailFallback
        query={detail}
        invalidId={id === null}
        back={back}
        notFound={{
          title: '采购单不存在',
          subTitle: '该采购单可能不存在，或链接有误。',
          testId: 'purchase-list-not-found',
        }}
        skeleton={{ paragraph: { rows: 8 } }}
      />
    );

  const list = detail.data;
  const editable = canWrite && list.status === 'draft';
  const pending = changedLines(list.lines, edits);
  const quantityOf = (l: PurchaseListLine) => edits[l.skuId] ?? l.quantity;
  const editedTotal = list.lines.reduce((s, l) => s + quantityOf(l) * l.unitCost, 0);

  const confirmOrdered = () =>
    modal.confirm({
      title: '标记为已下单？',
      content: `确认已向「${list.supplierName}」下单 ${list.totalQuantity} 件（${formatFen(list.totalAmount)}）。下单后采购数量不能再修改。`,
      okText: '已下单',
      cancelText: '取消',
      onOk: () => markOrdered.mutateAsync().catch(() => undefined),
    });

  const columns: TableColumnsType<PurchaseListLine> = [
    {
      title: '商品 / 规格',
      key: 'product',
      render: (_, l) => (
        <div>
          <Typography.Text strong>{l.productName}</Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {l.specText} · {l.unit}
          </Typography.Text>
        </div>
      ),
    },
    { title: '需求', dataIndex: 'demandQuantity', width: 70, align: 'right' },
    { title: '库存', dataIndex: 'stockQuantity', width: 70, align: 'right' },
    { title: '建议采购', dataIndex: 'suggestedQuantity', width: 90, align: 'right' },
    {
      title: '采购数量',
      key: 'quantity',
      width: 130,
      align: 'right',
      render: (_, l) =>
        editable ? (
          <InputNumber
            min={0}
            max={MAX_QUANTITY}
            precision={0}
            value={quantityOf(l)}
            onChange={(v) => setEdits((prev) => ({ ...prev, [l.skuId]: v }))}
            style={{ width: 110 }}
            data-testid="purchase-quantity-input"
          />
        ) : (
          <strong data-testid="purchase-quantity">{l.quantity}</strong>
        ),
    },
    {
      title: '实收',
      dataIndex: 'receivedQuantity',
      width: 70,
      align: 'right',
      render: (q: number | null) => q ?? '—',
    },
    {
      title: '成本价',
      dataIndex: 'unitCost',
      width: 90,
      align: 'right',
      render: (c: number) => formatFen(c),
    },
    {
      title: '小计',
      key: 'total',
      width: 110,
      align: 'right',
      render: (_, l) => formatFen(quantityOf(l) * l.unitCost),
    },
  ];

  return (
    <div data-testid="purchase-list-detail">
      <DetailHeader
        back={back}
        actions={
          <Space wrap>
            <ExcelButton
              fetch={() => downloadPurchaseList(list.id)}
              fallbackName={`采购单-${list.listNo}.xlsx`}
              testId="download-purchase-list"
            />
            {editable && (
              <Button
                icon={<SaveOutlined />}
                disabled={pending.length === 0}
                loading={adjust.isPending}
                onClick={() => adjust.mutate(pending)}
                data-testid="save-purchase-lines"
              >
                保存数量
              </Button>
            )}
            {editable && (
              <Button
                icon={<CheckOutlined />}
                disabled={pending.length > 0}
                loading={markOrdered.isPending}
                onClick={confirmOrdered}
                data-testid="mark-ordered"
              >
                标记已下单
              </Button>
            )}
            {canWrite && list.status !== 'received' && (
              <Button
                type="primary"
                icon={<InboxOutlined />}
                disabled={pending.length > 0}
                onClick={() => setReceiving(true)}
                data-testid="receive-purchase-list"
              >
                到货入库
              </Button>
            )}
          </Space>
        }
      >
        <Space size={8} align="center" wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            采购单 <span style={{ fontFamily: 'monospace' }}>{list.listNo}</span>
          </Typography.Title>
          <PurchaseStatusTag status={list.status} />
        </Space>
      </DetailHeader>
      {pending.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={`已修改 ${pending.length} 行采购数量，保存后才会生效（下单和入库前请先保存）。`}
        />
      )}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Card variant="borderless">
            <Statistic title="商品数" value={list.lineCount} />
          </Card>
        </Col>
        <Col span={6}>
          <Card variant="borderless">
            <Statistic title="采购件数" value={list.totalQuantity} data-testid="purchase-total-quantity" />
          </Card>
        </Col>
        <Col span={6}>
          <Card variant="borderless">
            <Statistic
              title="采购金额"
              value={formatFen(pending.length > 0 ? editedTotal : list.totalAmount)}
            />
          </Card>
        </Col>
        <Col span={6}>
          <Card variant="borderless">
            <Statistic
              title={list.receivedAt ? '入库时间' : list.orderedAt ? '下单时间' : '生成时间'}
              value={shanghaiTime(list.receivedAt ?? list.orderedAt ?? list.createdAt) ?? '—'}
              valueStyle={{ fontSize: 18 }}
            />
          </Card>
        </Col>
      </Row>
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="团购活动">{list.campaignTitle}</Descriptions.Item>
          <Descriptions.Item label="提货日">{list.pickupDate}</Descriptions.Item>
          <Descriptions.Item label="供应商">{list.supplierName}</Descriptions.Item>
          <Descriptions.Item label="联系人">{list.supplierContactName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="电话">{list.supplierContactPhone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="地址">{list.supplierAddress ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="采购明细" variant="borderless">
        <Table<PurchaseListLine>
          rowKey="skuId"
          size="middle"
          columns={columns}
          dataSource={list.lines}
          pagination={false}
          tableLayout="fixed"
          scroll={{ x: 820 }}
          data-testid="purchase-lines-table"
        />
      </Card>
      <ReceiveModal list={list} open={receiving} onClose={() => setReceiving(false)} />
    </div>
  );
}
