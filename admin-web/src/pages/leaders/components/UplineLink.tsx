import { Link } from 'react-router-dom';
import { Typography } from 'antd';

/** The recruiting leader as a link to their detail; clicks do not bubble to a clickable table row. */
export function UplineLink({ id, name }: { id: number | null; name: string | null }) {
  if (id === null) return <Typography.Text type="secondary">无（自主申请）</Typography.Text>;
  return (
    <Link to={`/leaders/${id}`} onClick={(e) => e.stopPropagation()} data-testid="upline-link">
      {name ?? `团长 #${id}`}
    </Link>
  );
}
