import type { CSSProperties } from 'react';
import { CAMPAIGN_STATUS_LABELS, LEADER_STATUS_LABELS } from '@linli/shared-types';
import {
  SearchSelect,
  useServerSearch,
  withChosen,
  type SearchOption,
} from '../../../components/SearchSelect';
import { fetchCampaigns } from '../../campaigns/service';
import { fetchLeaders } from '../../leaders/service';

interface FilterSelectProps {
  value?: number;
  onChange: (id: number | undefined) => void;
  /** Name of the chosen id when known (e.g. from the list rows), until a search brings it. */
  selectedName?: string | null;
  placeholder: string;
  style?: CSSProperties;
  'data-testid'?: string;
}

/** One order filter picked from a server search; `kind` names its cache entries and option test ids. */
function FilterSelect({
  kind,
  search,
  noMatch,
  value,
  selectedName,
  ...props
}: FilterSelectProps & {
  kind: string;
  search: (keyword: string) => Promise<SearchOption[]>;
  noMatch: string;
}) {
  const found = useServerSearch(['order-filter', kind], search);
  return (
    <SearchSelect
      {...props}
      search={found}
      options={withChosen(found.found.data ?? [], value, selectedName ?? `#${value}`)}
      value={value}
      allowClear
      loadError="加载失败，请重试"
      noMatch={noMatch}
      optionTestId={`${kind}-option`}
    />
  );
}

/** Any leader (also suspended ones: their past orders still count), by name, phone or pickup point. */
export function LeaderFilterSelect(props: FilterSelectProps) {
  return (
    <FilterSelect
      {...props}
      kind="leader"
      noMatch="没有匹配的团长"
      search={async (keyword) =>
        (await fetchLeaders({ keyword: keyword || undefined, page: 1, pageSize: 20 })).items.map((l) => ({
          value: l.id,
          label: l.name,
          hint:
            l.status === 'active'
              ? (l.pickupPointName ?? '未设置自提点')
              : (LEADER_STATUS_LABELS[l.status] ?? l.status),
        }))
      }
    />
  );
}

/** Any campaign by title, newest first, with its status as a hint. */
export function CampaignFilterSelect(props: FilterSelectProps) {
  return (
    <FilterSelect
      {...props}
      kind="campaign"
      noMatch="没有匹配的活动"
      search={async (keyword) =>
        (await fetchCampaigns({ keyword: keyword || undefined, page: 1, pageSize: 20 })).items.map((c) => ({
          value: c.id,
          label: c.title,
          hint: CAMPAIGN_STATUS_LABELS[c.status] ?? c.status,
        }))
      }
    />
  );
}
