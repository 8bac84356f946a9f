import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Image,
  Modal,
  Row,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, FileTextOutlined, MobileOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  CAMPAIGN_AUDIENCE_LABELS,
  PRODUCT_STATUS_LABELS,
  formatFen,
  type CampaignAdminItem,
  type CampaignDetail,
  type ProductStatus,
} from '@linli/shared-types';
import { LoadError } from '../../../components/LoadError';
import { PageHeader } from '../../../components/PageHeader';
import { FOUR_COLUMNS, none } from '../../../components/detail-layout';
import { usePermission } from '../../../session/hooks';
import { parseRouteId } from '../../../utils/url-query';
import { NotFoundPage } from '../../exception';
import { Cover } from '../../catalog/components/ProductBits';
import { isoToShanghai } from '../campaign-form';
import { CampaignStatusTag } from '../components/CampaignStatusTag';
import { FlashSaleTag } from '../components/FlashSaleTag';
import { PhonePreview } from '../components/PhonePreview';
import { useCampaignAction } from '../components/useCampaignAction';
import { ACTION_TEXT, actionsFor, campaignKeys, fetchCampaign } from '../service';

const time = (iso: string) => isoToShanghai(iso).format('YYYY-MM-DD HH:mm');

const itemColumns: TableColumnsType<CampaignAdminItem> = [
  {
    title: '商品规格',
    key: 'sku',
    render: (_, i) => (
      <Flex gap={10} align="center">
        <Cover url={i.imageUrl} size={40} />
        <div style={{ minWidth: 0 }}>
          <Link to={`/catalog/products/${i.productId}`}>
            <Typography.Text strong>{i.productName}</Typography.Text>
          </Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {i.skuName}
            {i.productStatus !== 'on_sale' && (
              <Tag color="warning" bordered={false} style={{ marginLeft: 6 }}>
                {PRODUCT_STATUS_LABELS[i.productStatus as ProductStatus] ?? i.productStatus}，买家不可见
              </Tag>
            )}
          </Typography.Text>
        </div>
      </Flex>
    ),
  },
  {
    title: '团购价',
    dataIndex: 'groupPrice',
    width: 110,
    align: 'right',
    render: (v: number) => (
      <Typography.Text strong style={{ color: '#e11d48' }}>
        {formatFen(v)}
      </Typography.Text>
    ),
  },
  {
    title: '划线价',
    dataIndex: 'originalPrice',
    width: 100,
    align: 'right',
    render: (v: number) => formatFen(v),
  },
  {
    title: '毛利',
    key: 'margin',
    width: 100,
    align: 'right',
    render: (_, i) => formatFen(i.groupPrice - i.cost),
  },
  {
    title: '每人限购',
    dataIndex: 'perMemberLimit',
    width: 90,
    align: 'right',
    render: (n: number) => (n > 0 ? n : <Typography.Text type="secondary">不限</Typography.Text>),
  },
  {
    title: '活动限量',
    dataIndex: 'stockCap',
    width: 90,
    align: 'right',
    render: (n: number | null) => n ?? <Typography.Text type="secondary">不限</Typography.Text>,
  },
  {
    title: '已团',
    dataIndex: 'soldQuantity',
    width: 80,
    align: 'right',
    render: (n: number) => <span data-testid="campaign-item-sold">{n}</span>,
  },
  {
    title: '剩余可售',
    dataIndex: 'remaining',
    width: 90,
    align: 'right',
    render: (n: number) => (n === 0 ? <Tag color="default">已抢光</Tag> : n),
  },
];

function audienceText(c: CampaignDetail): string {
  if (c.audience.kind === 'levels')
    return `${CAMPAIGN_AUDIENCE_LABELS.levels}：${c.audienceLevelNames.join('、')}`;
  if (c.audience.kind === 'leaders')
    return `${CAMPAIGN_AUDIENCE_LABELS.leaders}：${c.audienceLeaderNames.join('、')}`;
  return CAMPAIGN_AUDIENCE_LABELS.all;
}

export default function CampaignDetailPage() {
  const { id: rawId } = useParams();
  const id = parseRouteId(rawId);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const canWrite = usePermission('campaigns.write');
  const canReadOrders = usePermission('orders.read');
  const action = useCampaignAction();
  const campaign = useQuery({
    queryKey: campaignKeys.detail(id ?? 0),
    queryFn: () => fetchCampaign(id!),
    enabled: id !== null,
  });
  if (id === null) return <NotFoundPage />;
  if (campaign.isError) return <LoadError error={campaign.error} onRetry={() => void campaign.refetch()} />;
  if (!campaign.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const c = campaign.data;
  const previewOpen = params.get('preview') === '1';
  const revenue = c.items.reduce((sum, i) => sum + i.groupPrice * i.soldQuantity, 0);

  return (
    <>
      <PageHeader
        title={c.title}
        description={
          <Space size={12}>
            <CampaignStatusTag status={c.status} />
            {c.flashSale && <FlashSaleTag />}
            <span>
              {time(c.startAt)} ~ {time(c.endAt)}
            </span>
            {c.duplicatedFromId && (
              <Link to={`/campaigns/${c.duplicatedFromId}`}>复制自活动 #{c.duplicatedFromId}</Link>
            )}
          </Space>
        }
        extra={
          <Space wrap>
            {canReadOrders && (
              <Button
                icon={<FileTextOutlined />}
                onClick={() => navigate(`/orders?campaignId=${c.id}`)}
                data-testid="campaign-orders"
              >
                订单
              </Button>
            )}
            <Button
              icon={<MobileOutlined />}
              onClick={() => setParams({ preview: '1' })}
              data-testid="campaign-preview-open"
            >
              预览
            </Button>
            {canWrite &&
              actionsFor(c.status).map((a) => (
                <Button
                  key={a}
                  danger={a === 'end'}
                  type={a === 'schedule' ? 'primary' : 'default'}
                  onClick={() => action.confirm(c, a)}
                  data-testid={`campaign-${a}`}
                >
                  {ACTION_TEXT[a].label}
                </Button>
              ))}
            {canWrite && c.status !== 'ended' && (
              <Button
                icon={<EditOutlined />}
                onClick={() => navigate(`/campaigns/${c.id}/edit`)}
                data-testid="campaign-edit"
              >
                编辑
              </Button>
            )}
          </Space>
        }
      />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Card variant="borderless">
            <Statistic
              title="已团件数"
              value={c.soldQuantity}
              suffix="件"
              valueStyle={{ color: '#16a34a' }}
            />
          </Card>
        </Col>
        <Col span={6}>
          <Card variant="borderless">
            <Statistic title="团购金额（按团购价）" value={formatFen(revenue)} />
          </Card>
        </Col>
        <Col span={6}>
          <Card variant="borderless">
            <Statistic title="活动商品" value={c.items.length} suffix="个" />
          </Card>
        </Col>
        <Col span={6}>
          <Card variant="borderless">
            <Statistic title="截单时间" value={isoToShanghai(c.cutoffAt).format('MM-DD HH:mm')} />
          </Card>
        </Col>
      </Row>
      <Card variant="borderless" title="活动信息" style={{ marginBottom: 16 }}>
        <Flex gap={24}>
          {c.coverUrl && (
            <Image
              src={c.coverUrl}
              width={180}
              height={120}
              style={{ objectFit: 'cover', borderRadius: 8 }}
            />
          )}
          <Descriptions
            column={FOUR_COLUMNS}
            size="small"
            style={{ flex: 1 }}
            items={[
              { key: 'start', label: '开始时间', children: time(c.startAt) },
              { key: 'cutoff', label: '截单时间', children: time(c.cutoffAt) },
              { key: 'end', label: '结束时间', children: time(c.endAt) },
              { key: 'pickup', label: '提货日期', children: c.pickupDate },
              { key: 'audience', label: '可见范围', children: audienceText(c), span: 2 },
              { key: 'updated', label: '最近修改', children: time(c.updatedAt), span: 2 },
              { key: 'desc', label: '活动描述', children: c.description ?? none, span: 4 },
            ]}
          />
        </Flex>
      </Card>
      <Card variant="borderless" title="活动商品">
        <Table<CampaignAdminItem>
          rowKey="id"
          columns={itemColumns}
          dataSource={c.items}
          pagination={false}
          tableLayout="fixed"
          scroll={{ x: 960 }}
          data-testid="campaign-detail-items"
        />
      </Card>
      <Modal
        open={previewOpen}
        title="买家端预览"
        footer={null}
        width={420}
        style={{ top: 24 }}
        onCancel={() => setParams({})}
        destroyOnHidden
        styles={{ body: { padding: '12px 0 8px', background: '#f1f5f9', borderRadius: 8 } }}
      >
        <PhonePreview campaignId={c.id} />
      </Modal>
    </>
  );
}
