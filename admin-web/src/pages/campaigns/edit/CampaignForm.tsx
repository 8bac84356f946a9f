import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Switch,
} from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CAMPAIGN_AUDIENCE_LABELS,
  ErrorCode,
  type CampaignAudienceKind,
  type CampaignDetail,
} from '@linli/shared-types';
import { ImageListUpload } from '../../../components/ImageListUpload';
import { PageHeader } from '../../../components/PageHeader';
import { useApiFeedback } from '../../../components/useApiFeedback';
import { fetchLevels, levelKeys } from '../../leaders/levels-service';
import {
  campaignProblems,
  defaultCampaignValues,
  lockedWhenLive,
  shanghaiNow,
  toCampaignInput,
  valuesFromDetail,
  type CampaignFormValues,
} from '../campaign-form';
import { CampaignStatusTag } from '../components/CampaignStatusTag';
import { LeaderMultiSelect } from '../components/LeaderMultiSelect';
import { campaignKeys, createCampaign, updateCampaign } from '../service';
import { CampaignItemsTable } from './CampaignItemsTable';

const FORM_FIELDS = [
  'title',
  'cover',
  'description',
  'startAt',
  'endAt',
  'cutoffAt',
  'pickupDate',
  'flashSale',
  'items',
];
const CODE_TO_FIELD = { [ErrorCode.CAMPAIGN_LIVE_FIELD_LOCKED]: 'items' };
const TIME = {
  showTime: { format: 'HH:mm', minuteStep: 5 as const },
  format: 'YYYY-MM-DD HH:mm',
  style: { width: '100%' },
};
const AUDIENCE_OPTIONS = (Object.entries(CAMPAIGN_AUDIENCE_LABELS) as [CampaignAudienceKind, string][]).map(
  ([value, label]) => ({ value, label }),
);

/** Create (campaign = null) or edit a campaign; live campaigns lock what buyers may already rely on. */
export function CampaignForm({ campaign }: { campaign: CampaignDetail | null }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message, showFormError } = useApiFeedback();
  const [form] = Form.useForm<CampaignFormValues>();
  const [problems, setProblems] = useState<string[]>([]);
  const status = campaign?.status ?? null;
  const lock = lockedWhenLive(status);
  const ended = status === 'ended';
  const audienceKind = Form.useWatch('audienceKind', form);
  const initialValues = useMemo(
    () => (campaign ? valuesFromDetail(campaign) : defaultCampaignValues()),
    [campaign],
  );
  const knownLeaderNames = useMemo(
    () =>
      Object.fromEntries(
        (campaign?.audience.leaderIds ?? []).map((id, i) => [
          id,
          campaign?.audienceLeaderNames[i] ?? `团长 #${id}`,
        ]),
      ),
    [campaign],
  );
  const levels = useQuery({ queryKey: levelKeys.all, queryFn: fetchLevels, staleTime: 60_000 });

  const save = useMutation({
    mutationFn: (values: CampaignFormValues) => {
      const input = toCampaignInput(values);
      return campaign ? updateCampaign(campaign.id, input) : createCampaign(input);
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: campaignKeys.all });
      queryClient.setQueryData(campaignKeys.detail(saved.id), saved);
      void message.success(
        campaign ? `已保存「${saved.title}」` : `已创建草稿「${saved.title}」，排期后自动上线`,
      );
      navigate(`/campaigns/${saved.id}`, { replace: !campaign });
    },
    onError: (error) => showFormError(form, error, FORM_FIELDS, CODE_TO_FIELD),
  });

  const submit = async () => {
    const valid = await form.validateFields().then(
      () => true,
      () => false,
    );
    if (!valid) return;
    // All values, also those of fields not shown now (e.g. the level ids while 全部团长 is chosen).
    const values = form.getFieldsValue(true) as CampaignFormValues;
    const found = campaignProblems(values, status);
    setProblems(found);
    if (found.length === 0) save.mutate(values);
  };

  const now = shanghaiNow();
  return (
    <>
      <PageHeader
        title={campaign ? `编辑活动 · ${campaign.title}` : '新建团购活动'}
        description={
          campaign ? (
            <Space>
              <CampaignStatusTag status={campaign.status} />
              <span>时间均为北京时间（Asia/Shanghai）。</span>
            </Space>
          ) : (
            '保存后为草稿，在列表或详情中「排期」后到开始时间自动上线。时间均为北京时间。'
          )
        }
        extra={
          <Space>
            <Button onClick={() => navigate(campaign ? `/campaigns/${campaign.id}` : '/campaigns')}>
              取消
            </Button>
            <Button
              type="primary"
              loading={save.isPending}
              disabled={ended}
              onClick={() => void submit()}
              data-testid="campaign-save"
            >
              保存
            </Button>
          </Space>
        }
      />
      {status === 'live' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="活动进行中：开始时间、可见范围、秒杀设置、已有商品的价格和限购不能修改；可以改标题、封面、描述，延后截单/结束时间，添加商品或调高限量。"
          data-testid="campaign-live-lock"
        />
      )}
      {ended && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="活动已结束，不能再编辑。可以在列表中「复制到下周」。"
        />
      )}
      <Form<CampaignFormValues>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={initialValues}
        disabled={ended}
        onValuesChange={() => problems.length > 0 && setProblems([])}
      >
        <Card variant="borderless" title="活动信息" style={{ marginBottom: 16 }}>
          <Row gutter={24}>
            <Col span={14}>
              <Form.Item
                name="title"
                label="活动标题"
                rules={[
                  { required: true, whitespace: true, message: '请输入活动标题' },
                  { max: 40, message: '最长 40 个字' },
                ]}
              >
                <Input
                  maxLength={40}
                  showCount
                  placeholder="如：周末鲜果团 · 海南芒果产地直发"
                  data-testid="campaign-title"
                />
              </Form.Item>
              <Form.Item name="description" label="活动描述">
                <Input.TextArea rows={4} maxLength={500} showCount placeholder="活动亮点、配送与提货说明" />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name="cover" label="封面图" extra="不上传则使用第一个商品的封面">
                <ImageListUpload max={1} firstLabel="" data-testid="campaign-cover" />
              </Form.Item>
              <Form.Item
                name="flashSale"
                label="秒杀活动"
                valuePropName="checked"
                // An on/off switch always has a value: no "（可选）" mark (required only drops the mark here).
                required
                tooltip="开启后，买家下单先经过 Redis 秒杀闸门（按活动库存和每人限购放行），抢购高峰也能快速应答且不会超卖。"
                extra={
                  lock.flashSale
                    ? '活动进行中，不能切换秒杀：买家可能已在抢购。'
                    : '适合限量爆品、整点开抢。活动上线后不能再切换。'
                }
              >
                <Switch
                  checkedChildren={<ThunderboltOutlined />}
                  disabled={lock.flashSale || ended}
                  data-testid="campaign-flash-sale"
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card variant="borderless" title="时间与提货" style={{ marginBottom: 16 }}>
          <Row gutter={24}>
            <Col span={6}>
              <Form.Item
                name="startAt"
                label="开始时间"
                rules={[{ required: true, message: '请选择开始时间' }]}
              >
                <DatePicker {...TIME} disabled={lock.startAt || ended} data-testid="campaign-start-at" />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item
                name="cutoffAt"
                label="截单时间"
                rules={[{ required: true, message: '请选择截单时间' }]}
                tooltip="截单后买家不能再下单"
              >
                <DatePicker
                  {...TIME}
                  disabledDate={(d) => d.isBefore(now, 'day')}
                  data-testid="campaign-cutoff-at"
                />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item
                name="endAt"
                label="结束时间"
                rules={[{ required: true, message: '请选择结束时间' }]}
                tooltip="结束后活动从买家首页消失"
              >
                <DatePicker
                  {...TIME}
                  disabledDate={(d) => d.isBefore(now, 'day')}
                  data-testid="campaign-end-at"
                />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item
                name="pickupDate"
                label="提货日期"
                rules={[{ required: true, message: '请选择提货日期' }]}
              >
                <DatePicker
                  style={{ width: '100%' }}
                  disabledDate={(d) => d.isBefore(now, 'day')}
                  data-testid="campaign-pickup-date"
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card variant="borderless" title="可见范围" style={{ marginBottom: 16 }}>
          <Form.Item name="audienceKind" style={{ marginBottom: audienceKind === 'all' ? 0 : 16 }}>
            <Radio.Group
              options={AUDIENCE_OPTIONS}
              disabled={lock.audience || ended}
              data-testid="campaign-audience"
            />
          </Form.Item>
          {audienceKind === 'levels' && (
            <Form.Item name="levelIds" label="团长等级" style={{ marginBottom: 0 }}>
              <Select
                mode="multiple"
                disabled={lock.audience || ended}
                loading={levels.isPending}
                placeholder="选择可以看到此活动的团长等级"
                options={(levels.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
              />
            </Form.Item>
          )}
          {audienceKind === 'leaders' && (
            <Form.Item name="leaderIds" label="团长" style={{ marginBottom: 0 }}>
              <LeaderMultiSelect knownNames={knownLeaderNames} disabled={lock.audience || ended} />
            </Form.Item>
          )}
        </Card>
        <Card variant="borderless" title="活动商品" style={{ marginBottom: 16 }}>
          <Form.Item name="items" style={{ marginBottom: 0 }}>
            <CampaignItemsTable />
          </Form.Item>
        </Card>
      </Form>
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          message="请先处理以下问题再保存"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 16 }}
          data-testid="campaign-problems"
        />
      )}
      <Flex justify="flex-end">
        <Button
          type="primary"
          size="large"
          loading={save.isPending}
          disabled={ended}
          onClick={() => void submit()}
        >
          保存活动
        </Button>
      </Flex>
    </>
  );
}
