import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { BasicLayout } from '../layout/BasicLayout';
import { RequireAuth, RequirePermission } from '../layout/guards';
import { MENU } from '../layout/menu-config';
import { permissionForPath } from '../layout/menu';
import { LoginPage } from '../pages/login';
import { ForbiddenPage, NotFoundPage } from '../pages/exception';

const DashboardPage = lazy(() => import('../pages/dashboard'));
const StaffPage = lazy(() => import('../pages/system/staff'));
const AuditLogsPage = lazy(() => import('../pages/system/audit-logs'));
const EventDeliveriesPage = lazy(() => import('../pages/system/event-deliveries'));
const LeaderApplicationsPage = lazy(() => import('../pages/leaders/applications'));
const LeadersPage = lazy(() => import('../pages/leaders'));
const LeaderDetailPage = lazy(() => import('../pages/leaders/detail'));
const LeaderLevelsPage = lazy(() => import('../pages/leaders/levels'));
const MembersPage = lazy(() => import('../pages/members'));
const MemberDetailPage = lazy(() => import('../pages/members/detail'));
const MemberTagsPage = lazy(() => import('../pages/members/tags'));

/** Pages by path; the permission each needs comes from the menu config so menu and guard never disagree. */
const PAGES: [string, LazyExoticComponent<ComponentType>][] = [
  ['/', DashboardPage],
  ['/leaders/applications', LeaderApplicationsPage],
  ['/leaders', LeadersPage],
  ['/leaders/levels', LeaderLevelsPage],
  ['/leaders/:id', LeaderDetailPage],
  ['/members', MembersPage],
  ['/members/tags', MemberTagsPage],
  ['/members/:id', MemberDetailPage],
  ['/system/staff', StaffPage],
  ['/system/audit-logs', AuditLogsPage],
  ['/system/event-deliveries', EventDeliveriesPage],
];

function guarded(path: string, Page: LazyExoticComponent<ComponentType>): RouteObject {
  const permission = permissionForPath(MENU, path);
  const element = permission ? (
    <RequirePermission permission={permission}>
      <Page />
    </RequirePermission>
  ) : (
    <Page />
  );
  return path === '/' ? { index: true, element } : { path: path.slice(1), element };
}

export const router = createBrowserRouter(
  [
    { path: '/login', element: <LoginPage /> },
    {
      path: '/',
      element: (
        <RequireAuth>
          <BasicLayout />
        </RequireAuth>
      ),
      children: [
        ...PAGES.map(([path, Page]) => guarded(path, Page)),
        { path: '403', element: <ForbiddenPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ],
  { basename: '/admin' },
);
