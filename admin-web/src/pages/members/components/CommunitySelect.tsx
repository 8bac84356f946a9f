import type { CSSProperties } from 'react';
import { SearchSelect, useServerSearch, withChosen } from '../../../components/SearchSelect';
import { searchCommunities } from '../tags-service';

interface Props {
  value?: number;
  onChange?: (communityId: number | undefined) => void;
  style?: CSSProperties;
  'data-testid'?: string;
}

/** Picks a community (社群) by name, searching the server as one types. */
export function CommunitySelect({ value, ...props }: Props) {
  const search = useServerSearch(['communities', 'options'], searchCommunities);
  const options = (search.found.data?.items ?? []).map((c) => ({
    value: c.id,
    label: c.name,
    hint: `${c.leaderName ?? `团长 #${c.leaderId}`} · ${c.memberCount} 人`,
  }));
  return (
    <SearchSelect
      {...props}
      search={search}
      // A community chosen from the URL but not in this page of results still needs a label.
      options={withChosen(options, value, `社群 #${value}`)}
      value={value}
      allowClear
      placeholder="社群"
      loadError="社群加载失败，请重试"
      noMatch="没有匹配的社群"
    />
  );
}
