import { Suspense, lazy, type ComponentType, type LazyExoticComponent } from 'react';
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
const CategoriesPage = lazy(() => import('../pages/catalog/categories'));
const ProductsPage = lazy(() => import('../pages/catalog/products'));
const BundlesPage = lazy(() => import('../pages/catalog/products/bundles'));
const ProductEditPage = lazy(() => import('../pages/catalog/products/edit'));
const SuppliersPage = lazy(() => import('../pages/catalog/suppliers'));
const InventoryPage = lazy(() => import('../pages/inventory'));
const MovementsPage = lazy(() => import('../pages/inventory/movements'));
const CampaignsPage = lazy(() => import('../pages/campaigns'));
const CampaignEditPage = lazy(() => import('../pages/campaigns/edit'));
const CampaignDetailPage = lazy(() => import('../pages/campaigns/detail'));
const OrdersPage = lazy(() => import('../pages/orders'));
const OrderDetailPage = lazy(() => import('../pages/orders/detail'));
const AfterSalesPage = lazy(() => import('../pages/aftersales'));
const AfterSalesDetailPage = lazy(() => import('../pages/aftersales/detail'));
const AfterSalesSettingsPage = lazy(() => import('../pages/aftersales/settings'));
const RuleSetsPage = lazy(() => import('../pages/commission/rule-sets'));
const RuleSetEditPage = lazy(() => import('../pages/commission/rule-sets/edit'));
const CommissionLedgerPage = lazy(() => import('../pages/commission/ledger'));
const StatementsPage = lazy(() => import('../pages/commission/statements'));
const WithdrawalsPage = lazy(() => import('../pages/commission/withdrawals'));
const WavesPage = lazy(() => import('../pages/fulfillment/waves'));
const WaveDetailPage = lazy(() => import('../pages/fulfillment/waves/detail'));
const DeliverySheetPage = lazy(() => import('../pages/fulfillment/waves/delivery-sheet'));
const PurchaseListPage = lazy(() => import('../pages/fulfillment/purchase-lists/detail'));
const RoutesPage = lazy(() => import('../pages/fulfillment/routes'));
const RouteEditPage = lazy(() => import('../pages/fulfillment/routes/edit'));
const PickListsPrintPage = lazy(() => import('../pages/fulfillment/print/PickListsPrint'));
const PickSummaryPrintPage = lazy(() => import('../pages/fulfillment/print/PickSummaryPrint'));
const DeliverySheetPrintPage = lazy(() => import('../pages/fulfillment/print/DeliverySheetPrint'));

/** Print pages: plain A4 sheets outside the layout (no menu or header), guarded like the pages they print. */
const PRINT_PAGES: [string, LazyExoticComponent<ComponentType>][] = [
  ['/fulfillment/waves/:id/print/pick-lists', PickListsPrintPage],
  ['/fulfillment/waves/:id/print/pick-summary', PickSummaryPrintPage],
  ['/fulfillment/waves/:id/print/routes/:routeId', DeliverySheetPrintPage],
];

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
  ['/catalog/categories', CategoriesPage],
  ['/catalog/products', ProductsPage],
  ['/catalog/products/:id', ProductEditPage],
  ['/catalog/bundles', BundlesPage],
  ['/catalog/suppliers', SuppliersPage],
  ['/inventory', InventoryPage],
  ['/inventory/movements', MovementsPage],
  ['/campaigns', CampaignsPage],
  ['/campaigns/new', CampaignEditPage],
  ['/campaigns/:id', CampaignDetailPage],
  ['/campaigns/:id/edit', CampaignEditPage],
  ['/orders', OrdersPage],
  ['/orders/:id', OrderDetailPage],
  ['/aftersales', AfterSalesPage],
  ['/aftersales/settings', AfterSalesSettingsPage],
  ['/aftersales/:id', AfterSalesDetailPage],
  ['/commission/rule-sets', RuleSetsPage],
  ['/commission/rule-sets/new', RuleSetEditPage],
  ['/commission/rule-sets/:id', RuleSetEditPage],
  ['/commission/ledger', CommissionLedgerPage],
  ['/commission/statements', StatementsPage],
  ['/commission/withdrawals', WithdrawalsPage],
  ['/fulfillment/waves', WavesPage],
  ['/fulfillment/waves/:id', WaveDetailPage],
  ['/fulfillment/waves/:waveId/purchase-lists/:id', PurchaseListPage],
  ['/fulfillment/waves/:id/routes/:routeId', DeliverySheetPage],
  ['/fulfillment/routes', RoutesPage],
  ['/fulfillment/routes/new', RouteEditPage],
  ['/fulfillment/routes/:id', RouteEditPage],
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
    ...PRINT_PAGES.map(([path, Page]) => {
      const page = guarded(path, Page);
      return {
        path,
        element: (
          <RequireAuth>
            <Suspense fallback={null}>{page.element}</Suspense>
          </RequireAuth>
        ),
      };
    }),
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
