import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { Permission } from '@linli/shared-types';
import { usePermission } from '../../../session/hooks';
import styles from './PermittedLink.module.css';

/**
 * A link to another part of the back office when the staff member may open it, plain text otherwise (a
 * warehouse clerk reads orders but not members: a link would only lead to the 403 page). Clicks do not
 * bubble, so it works inside a clickable table row.
 */
export function PermittedLink({
  to,
  permission,
  children,
  quiet,
  testId,
}: {
  to: string;
  permission: Permission;
  children: ReactNode;
  /** Text-coloured until hovered, for secondary links in dense tables. */
  quiet?: boolean;
  testId?: string;
}) {
  const allowed = usePermission(permission);
  if (!allowed) return <span data-testid={testId}>{children}</span>;
  return (
    <Link
      to={to}
      onClick={(e) => e.stopPropagation()}
      className={quiet ? styles.quiet : undefined}
      data-testid={testId}
    >
      {children}
    </Link>
  );
}
