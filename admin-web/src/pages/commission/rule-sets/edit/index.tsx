import { useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { DetailFallback, type BackToList } from '../../../../components/DetailPage';
import { usePermission } from '../../../../session/hooks';
import { parseRouteId } from '../../../../utils/url-query';
import { ForbiddenPage } from '../../../exception';
import { fetchLevels, levelKeys } from '../../../leaders/levels-service';
import { commissionKeys, fetchRuleSet, fetchRuleSetTemplate } from '../../service';
import { RuleSetEditor } from './RuleSetEditor';

const BACK: BackToList = { to: '/commission/rule-sets', label: '返回方案列表' };
const NOT_FOUND = {
  title: '方案不存在',
  subTitle: '该方案可能已被删除，或链接有误。',
  testId: 'rule-set-not-found',
};

/** /commission/rule-sets/new (from the template, commission.write) and /commission/rule-sets/:id. */
export default function RuleSetEditPage() {
  const { id: rawId } = useParams();
  const isNew = rawId === undefined;
  const id = isNew ? null : parseRouteId(rawId);
  const canWrite = usePermission('commission.write');
  // Level names label the rate rows; without leaders.read the rows show the level ids instead.
  const canReadLevels = usePermission('leaders.read');

  const set = useQuery({
    queryKey: commissionKeys.ruleSet(id ?? 0),
    queryFn: () => fetchRuleSet(id!),
    enabled: id !== null,
  });
  const template = useQuery({
    queryKey: commissionKeys.template,
    queryFn: fetchRuleSetTemplate,
    enabled: isNew && canWrite,
  });
  const levels = useQuery({
    queryKey: levelKeys.all,
    queryFn: fetchLevels,
    enabled: canReadLevels,
    staleTime: 60_000,
  });

  if (isNew && !canWrite) return <ForbiddenPage />;
  const source = isNew ? template : set;
  const waiting = !source.isSuccess ? source : canReadLevels && !levels.isSuccess ? levels : null;
  if (waiting || (!isNew && id === null))
    return (
      <DetailFallback
        query={waiting ?? set}
        invalidId={!isNew && id === null}
        back={BACK}
        notFound={NOT_FOUND}
        skeleton={{ paragraph: { rows: 12 } }}
      />
    );

  const rules = isNew ? template.data : set.data?.rules;
  if (!rules) return null;
  return (
    <RuleSetEditor
      key={set.data?.id ?? 'new'}
      set={set.data ?? null}
      rules={rules}
      levels={levels.data ?? []}
    />
  );
}
