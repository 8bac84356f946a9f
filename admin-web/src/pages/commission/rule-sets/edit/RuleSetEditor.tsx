import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, App, Button, Col, Form, Row, Space, Tooltip, Typography, type FormInstance } from 'antd';
import { CopyOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ErrorCode, type CommissionRules, type LeaderLevel, type RuleSetView } from '@linli/shared-types';
import { isApiError } from '../../../../api';
import { DetailHeader, type BackToList } from '../../../../components/DetailPage';
import { useApiFeedback } from '../../../../components/useApiFeedback';
import { usePermission } from '../../../../session/hooks';
import { shanghaiTime } from '../../../orders/service';
import { RuleSetStatusTags } from '../../components/CommissionTags';
import { isSinceAlways, ruleSetVersionLabel } from '../../format';
import {
  RULES_FORM_FIELDS,
  crossRowProblems,
  toFormValues,
  toRules,
  withFormFields,
  type RulesFormValues,
} from '../../rules-form';
import { commissionKeys, createRuleSet, updateRuleSet } from '../../service';
import { PublishModal, type PublishTarget } from '../PublishModal';
import { useRuleSetActions } from '../useRuleSetActions';
import { BasicsCard } from './BasicsCard';
import { LevelRatesCard } from './LevelRatesCard';
import { OverridesCard } from './OverridesCard';
import { PreviewPanel } from './PreviewPanel';
import { RecruitmentCard, ReferralCard } from './RewardCards';
import { SimulationCard } from './SimulationCard';
import { TierBonusCard } from './TierBonusCard';

const BACK: BackToList = { to: '/commission/rule-sets', label: '返回方案列表' };
/** Every rules field but the name: what 试算 checks before it asks the server. */
const RULE_FIELDS = RULES_FORM_FIELDS.filter((f) => f !== 'name');

interface Props {
  /** The saved set; null while creating one from the template. */
  set: RuleSetView | null;
  rules: CommissionRules;
  levels: LeaderLevel[];
}

function Subtitle({ set }: { set: RuleSetView | null }) {
  if (!set) return <>从当前生效的方案（或各等级比例）开始，保存后为草稿。</>;
  if (set.status === 'draft') return <>创建于 {shanghaiTime(set.createdAt)}，发布前可随时修改</>;
  if (isSinceAlways(set.effectiveFrom)) return <>初始方案：系统初始化时按各等级比例生成，一直有效</>;
  return (
    <>
      {shanghaiTime(set.effectiveFrom)} 起生效 · {set.publishedBy ?? '—'} 发布于{' '}
      {shanghaiTime(set.publishedAt)}
    </>
  );
}

/**
 * The rule-set editor: a draft is edited and saved, a published set (or any set for someone without
 * commission.write) is read only. 试算 and 历史订单模拟 work on both.
 */
export function RuleSetEditor({ set, rules, levels }: Props) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { modal } = App.useApp();
  const { message, showFormError } = useApiFeedback();
  const canWrite = usePermission('commission.write');
  const editable = canWrite && (set === null || set.status === 'draft');
  const [form] = Form.useForm<RulesFormValues>();
  // The form is filled once; saving keeps what is on screen.
  const [initialValues] = useState(() => toFormValues(set?.name ?? '', rules, levels));
  const [dirty, setDirty] = useState(false);
  const [publishing, setPublishing] = useState<PublishTarget | null>(null);
  const { copy } = useRuleSetActions();

  // Cross-row problems and server errors come as dynamic paths, which the typed instance refuses.
  const anyField: FormInstance = form;
  const allValues = () => form.getFieldsValue(true) as RulesFormValues;
  const showRulesError = (error: unknown) =>
    showFormError(form, withFormFields(error, allValues()), RULES_FORM_FIELDS);

  const save = useMutation({
    mutationFn: (values: RulesFormValues) => {
      const input = { name: values.name.trim(), rules: toRules(values) };
      return set ? updateRuleSet(set.id, input) : createRuleSet(input);
    },
    onSuccess: (saved) => {
      setDirty(false);
      queryClient.setQueryData(commissionKeys.ruleSet(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: commissionKeys.ruleSets, exact: true });
      void message.success(set ? `已保存「${saved.name}」` : `已创建草稿「${saved.name}」，可试算后发布`);
      if (!set) navigate(`/commission/rule-sets/${saved.id}`, { replace: true });
    },
    onError: (error) => {
      if (isApiError(error) && error.code === ErrorCode.COMMISSION_RULE_SET_PUBLISHED) {
        modal.warning({
          title: '方案已发布，不能再修改',
          content: `${error.message}。页面已刷新为已发布的内容；如需调整，请复制为新草稿。`,
          okText: '知道了',
        });
        void queryClient.invalidateQueries({ queryKey: commissionKeys.ruleSets });
        return;
      }
      showRulesError(error);
    },
  });

  const onFinish = () => {
    const values = allValues();
    const problems = crossRowProblems(values);
    if (problems.length > 0) {
      anyField.setFields(problems);
      anyField.scrollToField(problems[0].name);
      return;
    }
    save.mutate(values);
  };

  const readRules = async (): Promise<CommissionRules | null> => {
    const valid = await form.validateFields(RULE_FIELDS, { recursive: true }).then(
      () => true,
      () => false,
    );
    if (!valid) return null;
    const problems = crossRowProblems(allValues());
    if (problems.length > 0) {
      anyField.setFields(problems);
      return null;
    }
    return toRules(allValues());
  };

  const actions = () => {
    if (editable)
      return (
        <Space>
          {set && (
            <Tooltip title={dirty ? '有未保存的修改，请先保存' : '设定生效时间后发布'}>
              <Button
                icon={<SendOutlined />}
                disabled={dirty}
                onClick={() => setPublishing({ id: set.id, name: set.name })}
                data-testid="rule-set-publish-open"
              >
                发布
              </Button>
            </Tooltip>
          )}
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={save.isPending}
            onClick={() => form.submit()}
            data-testid="rule-set-save"
          >
            保存草稿
          </Button>
        </Space>
      );
    if (canWrite && set)
      return (
        <Button
          icon={<CopyOutlined />}
          loading={copy.isPending}
          onClick={() => copy.mutate(set)}
          data-testid="rule-set-copy-open"
        >
          复制为新草稿
        </Button>
      );
    return null;
  };

  return (
    <div data-testid="rule-set-editor">
      <DetailHeader back={BACK} actions={actions()}>
        <div>
          <Space size={8} align="center" wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="rule-set-title">
              {!set
                ? '新建佣金方案'
                : set.version === null
                  ? set.name
                  : `${ruleSetVersionLabel(set)} · ${set.name}`}
            </Typography.Title>
            {set && <RuleSetStatusTags set={set} />}
          </Space>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            <Subtitle set={set} />
          </Typography.Text>
        </div>
      </DetailHeader>
      {!editable && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={
            set?.status === 'published'
              ? '方案已发布，不可修改：可以试算和模拟；需要调整时复制为新草稿。'
              : '你没有修改佣金方案的权限，可以查看、试算和模拟。'
          }
          data-testid="rule-set-readonly"
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Form<RulesFormValues>
            form={form}
            layout="vertical"
            requiredMark={false}
            name="commission-rules-form"
            initialValues={initialValues}
            disabled={!editable}
            scrollToFirstError
            onValuesChange={() => setDirty(true)}
            onFinish={onFinish}
          >
            <BasicsCard />
            <LevelRatesCard levels={levels} />
            <OverridesCard editable={editable} />
            <TierBonusCard editable={editable} />
            <ReferralCard />
            <RecruitmentCard />
          </Form>
        </Col>
        <Col xs={24} xl={9}>
          <PreviewPanel
            readRules={readRules}
            onRulesError={(error) => {
              void message.warning('方案中有不符合要求的项，已在左侧标出');
              showRulesError(error);
            }}
          />
          <SimulationCard ruleSetId={set?.id ?? null} unsaved={dirty} />
        </Col>
      </Row>
      <PublishModal target={publishing} onClose={() => setPublishing(null)} />
    </div>
  );
}
