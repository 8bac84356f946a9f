import { useParams } from 'react-router-dom';
import { Alert, Card, Col, Descriptions, Flex, Image, Row, Space, Table, Timeline, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import {
  formatFen,
  type AdminAfterSalesCaseView,
  type AfterSalesEventView,
  type AfterSalesLineView,
} from '@linli/shared-types';
import { DetailFallback, DetailHeader, type BackToList } from '../../../components/DetailPage';
import { TWO_COLUMNS, none } from '../../../components/detail-layout';
import {
  AFTERSALES_EVENT_COLORS,
  AFTERSALES_SOURCE_LABELS,
  aftersalesEventLabel,
  aftersalesReasonLabel,
} from '../../../labels/aftersales';
import { orderActorLabel } from '../../../labels/orders';
import { OrderStatusTag } from '../../orders/components/OrderTags';
import { PermittedLink } from '../../orders/components/PermittedLink';
import { shanghaiTime } from '../../orders/service';
import { CaseRefundTag, CaseStatusTag } from '../components/CaseTags';
import { aftersalesKeys, fetchCase, parseCaseId } from '../service';
import { CaseActionBar } from './CaseActionBar';

const BACK: BackToList = { to: '/aftersales', label: '返回售后列表' };
/** A refund waits for the provider's notification: ask again soon while it is on its way. */
const REFUND_POLL_MS = 2000;

function CaseAlert({ c }: { c: AdminAfterSalesCaseView }) {
  if (c.status === 'pending')
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message={
          c.autoApproveAt
            ? `待处理：如无人处理，将于 ${shanghaiTime(c.autoApproveAt)} 自动同意退款。`
            : '待处理：请核对原因与照片后同意退款或驳回。'
        }
        data-testid="aftersales-pending-alert"
      />
    );
  if (c.status === 'rejected')
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={`已驳回：${c.rejectReason ?? '—'}`}
        data-testid="aftersales-rejected-alert"
      />
    );
  if (c.refund?.status === 'failed')
    return (
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 16 }}
        message="退款失败：支付渠道未受理"
        description="请在订单详情的「退款记录」中查看原因并重试；重试使用同一退款单号，不会重复退款。"
        data-testid="aftersales-refund-failed"
      />
    );
  return null;
}

function InfoCard({ c }: { c: AdminAfterSalesCaseView }) {
  return (
    <Card title="售后信息" variant="borderless">
      <Descriptions column={TWO_COLUMNS} size="small" data-testid="aftersales-info">
        <Descriptions.Item label="订单">
          <Space size={6}>
            <PermittedLink
              to={`/orders/${c.orderId}`}
              permission="orders.read"
              testId="aftersales-order-link"
            >
              <span style={{ fontFamily: 'monospace' }}>{c.orderNo}</span>
            </PermittedLink>
            <OrderStatusTag status={c.orderStatus} />
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="买家">
          {c.buyerName ?? '买家'}
          {c.buyerPhoneTail && ` · 尾号 ${c.buyerPhoneTail}`}
        </Descriptions.Item>
        <Descriptions.Item label="团长">
          <PermittedLink to={`/leaders/${c.leaderId}`} permission="leaders.read">
            团长 #{c.leaderId}
          </PermittedLink>
        </Descriptions.Item>
        <Descriptions.Item label="来源">{AFTERSALES_SOURCE_LABELS[c.source] ?? c.source}</Descriptions.Item>
        <Descriptions.Item label="原因">{aftersalesReasonLabel(c.reason)}</Descriptions.Item>
        <Descriptions.Item label="范围">
          {c.wholeOrder ? '整单退款' : `${c.lines.length} 个商品`}
        </Descriptions.Item>
        <Descriptions.Item label="申请退款">
          <Typography.Text strong data-testid="aftersales-amount">
            {formatFen(c.amount)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="订单实付 / 已退或退款中">
          {formatFen(c.orderPaidAmount)} / {formatFen(c.orderRefundCommitted)}
        </Descriptions.Item>
        <Descriptions.Item label="申请时间">{shanghaiTime(c.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="处理时间">{shanghaiTime(c.decidedAt) ?? none}</Descriptions.Item>
        <Descriptions.Item label="退货入库">{c.stockReturned ? '已入库' : none}</Descriptions.Item>
        <Descriptions.Item label="退款">
          {c.refund ? (
            <Space size={6}>
              {formatFen(c.refund.amount)}
              <CaseRefundTag refund={c.refund} />
            </Space>
          ) : (
            none
          )}
        </Descriptions.Item>
        <Descriptions.Item label="问题描述" span={2}>
          {c.description ? (
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
              {c.description}
            </Typography.Paragraph>
          ) : (
            none
          )}
        </Descriptions.Item>
        {c.rejectReason && (
          <Descriptions.Item label="驳回原因" span={2}>
            {c.rejectReason}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

const lineColumns: TableColumnsType<AfterSalesLineView> = [
  {
    title: '商品',
    key: 'product',
    render: (_, l) => (
      <Space size={10}>
        {l.imageUrl ? (
          <Image src={l.imageUrl} width={40} height={40} style={{ objectFit: 'cover', borderRadius: 4 }} />
        ) : null}
        <div>
          <Typography.Text>{l.productName}</Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {l.specText}
          </Typography.Text>
        </div>
      </Space>
    ),
  },
  { title: '数量', dataIndex: 'quantity', width: 80, align: 'right' },
  {
    title: '退款金额',
    dataIndex: 'amount',
    width: 120,
    align: 'right',
    render: (fen: number) => formatFen(fen),
  },
];

function LinesCard({ c }: { c: AdminAfterSalesCaseView }) {
  return (
    <Card title="退款商品" variant="borderless">
      {c.lines.length === 0 ? (
        <Typography.Text type="secondary">
          按金额退款（{c.wholeOrder ? '订单剩余可退金额' : '未指定商品'}）：{formatFen(c.amount)}
        </Typography.Text>
      ) : (
        <Table<AfterSalesLineView>
          rowKey="orderLineId"
          size="small"
          columns={lineColumns}
          dataSource={c.lines}
          pagination={false}
          data-testid="aftersales-lines"
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {c.lines.reduce((n, l) => n + l.quantity, 0)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                <Typography.Text strong>{formatFen(c.amount)}</Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      )}
    </Card>
  );
}

function PhotosCard({ photos }: { photos: AdminAfterSalesCaseView['photos'] }) {
  return (
    <Card title={`照片（${photos.length}）`} variant="borderless">
      {photos.length === 0 ? (
        <Typography.Text type="secondary">买家未上传照片</Typography.Text>
      ) : (
        <Image.PreviewGroup>
          <Space wrap size={8} data-testid="aftersales-photos">
            {photos.map((p) => (
              <Image
                key={p.key}
                src={p.url}
                width={96}
                height={96}
                style={{ objectFit: 'cover', borderRadius: 6 }}
              />
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
    </Card>
  );
}

function TimelineCard({ timeline }: { timeline: AfterSalesEventView[] }) {
  return (
    <Card title="处理记录" variant="borderless">
      <Timeline
        style={{ marginTop: 8, marginBottom: -24 }}
        data-testid="aftersales-timeline"
        items={timeline.map((e, i) => ({
          key: i,
          color: AFTERSALES_EVENT_COLORS[e.type] ?? 'gray',
          children: (
            <div data-testid="aftersales-timeline-entry" data-type={e.type}>
              <Typography.Text strong>{aftersalesEventLabel(e.type)}</Typography.Text>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {shanghaiTime(e.at, 'YYYY-MM-DD HH:mm:ss')} · {orderActorLabel(e.actorType, e.actorName)}
              </Typography.Text>
              {e.note && (
                <Typography.Paragraph
                  style={{
                    margin: '6px 0 0',
                    padding: '6px 10px',
                    background: '#f8fafc',
                    borderRadius: 6,
                    fontSize: 13,
                  }}
                >
                  {e.note}
                </Typography.Paragraph>
              )}
            </div>
          ),
        }))}
      />
    </Card>
  );
}

/** 售后详情: what the buyer asks back and why, the order it is about, and every step taken so far. */
export default function AfterSalesDetailPage() {
  const id = parseCaseId(useParams().id);
  const detail = useQuery({
    queryKey: aftersalesKeys.detail(id ?? 0),
    queryFn: () => fetchCase(id!),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data?.refund?.status === 'processing' ? REFUND_POLL_MS : false),
  });

  if (id === null || !detail.isSuccess)
    return (
      <DetailFallback
        query={detail}
        invalidId={id === null}
        back={BACK}
        notFound={{
          title: '售后单不存在',
          subTitle: '该售后单可能已被删除，或链接有误。',
          testId: 'aftersales-not-found',
        }}
        skeleton={{ paragraph: { rows: 10 } }}
      />
    );

  const c = detail.data;
  return (
    <div data-testid="aftersales-detail">
      <DetailHeader back={BACK} actions={<CaseActionBar target={c} />}>
        <div>
          <Space size={8} align="center" wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              售后单{' '}
              <Typography.Text
                copyable={{ text: c.caseNo, tooltips: ['复制售后单号', '已复制'] }}
                style={{ fontFamily: 'monospace', fontSize: 18 }}
                data-testid="aftersales-detail-no"
              >
                {c.caseNo}
              </Typography.Text>
            </Typography.Title>
            <CaseStatusTag status={c.status} />
            <CaseRefundTag refund={c.refund} />
          </Space>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            申请于 {shanghaiTime(c.createdAt)} · {aftersalesReasonLabel(c.reason)} · {formatFen(c.amount)}
          </Typography.Text>
        </div>
      </DetailHeader>
      <CaseAlert c={c} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            <InfoCard c={c} />
            <LinesCard c={c} />
            <PhotosCard photos={c.photos} />
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <TimelineCard timeline={c.timeline} />
        </Col>
      </Row>
    </div>
  );
}
