import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { Permission } from '@linli/shared-types';
import { usePermission } from '../../../session/hooks';

/**
 * A link to another part of the back office when the staff member may open it, plain text otherwise (a
 * warehouse clerk reads orders but not members: a link would only lead to the 403 page). Clicks do not
 * bubble, so it works inside a clickable table row.
 */
export function PermittedLink({
  to,
  permission,
  children,
  testId,
}: {
  to: string;
  permission: Permission;
  children: ReactNode;
  testId?: string;
}) {
  const allowed = usePermission(permission);
  if (!allowed) return <span data-testid={testId}>{children}</span>;
  return (
    <Link to={to} onClick={(e) => e.stopPropagation()} data-testid={testId}>
      {children}
    </Link>
  );
}
