import type {
  AdjustPurchaseListRequest,
  DeliveryRouteInput,
  DeliveryRouteView,
  DeliverySheet,
  DemandLine,
  FulfillmentWaveDetail,
  FulfillmentWaveQuery,
  FulfillmentWaveView,
  Paged,
  PickList,
  PickSummary,
  PurchaseListDetail,
  PurchaseListSummary,
  ReceivePurchaseListRequest,
  ShipRouteResponse,
} from '@linli/shared-types';
import { api, type DownloadedFile } from '../../api';

const BASE = '/api/admin/fulfillment';
const XLSX = { query: { format: 'xlsx' } };

export const fulfillmentKeys = {
  all: ['fulfillment'] as const,
  waves: (query: FulfillmentWaveQuery) => ['fulfillment', 'waves', query] as const,
  wave: (id: number) => ['fulfillment', 'wave', id] as const,
  demand: (id: number) => ['fulfillment', 'wave', id, 'demand'] as const,
  pickLists: (id: number) => ['fulfillment', 'wave', id, 'pick-lists'] as const,
  pickSummary: (id: number) => ['fulfillment', 'wave', id, 'pick-summary'] as const,
  deliverySheet: (id: number, routeId: number) =>
    ['fulfillment', 'wave', id, 'delivery-sheet', routeId] as const,
  purchaseList: (id: number) => ['fulfillment', 'purchase-list', id] as const,
  routes: ['fulfillment', 'routes'] as const,
  route: (id: number) => ['fulfillment', 'routes', id] as const,
};

// ---- waves ----
export function fetchWaves(query: FulfillmentWaveQuery): Promise<Paged<FulfillmentWaveView>> {
  return api.get<Paged<FulfillmentWaveView>>(`${BASE}/waves`, { ...query });
}
export function fetchWave(id: number): Promise<FulfillmentWaveDetail> {
  return api.get<FulfillmentWaveDetail>(`${BASE}/waves/${id}`);
}
export function fetchDemand(id: number): Promise<DemandLine[]> {
  return api.get<DemandLine[]>(`${BASE}/waves/${id}/demand`);
}

// ---- purchase lists (采购单) ----
export function generatePurchaseLists(waveId: number): Promise<PurchaseListSummary[]> {
  return api.post<PurchaseListSummary[]>(`${BASE}/waves/${waveId}/purchase-lists`);
}
export function fetchPurchaseList(id: number): Promise<PurchaseListDetail> {
  return api.get<PurchaseListDetail>(`${BASE}/purchase-lists/${id}`);
}
export function downloadPurchaseList(id: number): Promise<DownloadedFile> {
  return api.download('GET', `${BASE}/purchase-lists/${id}`, XLSX);
}
export function adjustPurchaseList(id: number, body: AdjustPurchaseListRequest): Promise<PurchaseListDetail> {
  return api.put<PurchaseListDetail>(`${BASE}/purchase-lists/${id}/lines`, body);
}
export function markPurchaseListOrdered(id: number): Promise<PurchaseListDetail> {
  return api.post<PurchaseListDetail>(`${BASE}/purchase-lists/${id}/mark-ordered`);
}
export function receivePurchaseList(
  id: number,
  body: ReceivePurchaseListRequest,
): Promise<PurchaseListDetail> {
  return api.post<PurchaseListDetail>(`${BASE}/purchase-lists/${id}/receive`, body);
}

// ---- pick lists (拣货单) ----
export function fetchPickLists(waveId: number): Promise<PickList[]> {
  return api.get<PickList[]>(`${BASE}/waves/${waveId}/pick-lists`);
}
export function downloadPickLists(waveId: number): Promise<DownloadedFile> {
  return api.download('GET', `${BASE}/waves/${waveId}/pick-lists`, XLSX);
}
export function downloadPickList(waveId: number, leaderId: number): Promise<DownloadedFile> {
  return api.download('GET', `${BASE}/waves/${waveId}/pick-lists/${leaderId}`, XLSX);
}
export function fetchPickSummary(waveId: number): Promise<PickSummary> {
  return api.get<PickSummary>(`${BASE}/waves/${waveId}/pick-summary`);
}
export function downloadPickSummary(waveId: number): Promise<DownloadedFile> {
  return api.download('GET', `${BASE}/waves/${waveId}/pick-summary`, XLSX);
}

// ---- delivery (配送单, 发车) ----
export function fetchDeliverySheet(waveId: number, routeId: number): Promise<DeliverySheet> {
  return api.get<DeliverySheet>(`${BASE}/waves/${waveId}/routes/${routeId}/delivery-sheet`);
}
export function downloadDeliverySheet(waveId: number, routeId: number): Promise<DownloadedFile> {
  return api.download('GET', `${BASE}/waves/${waveId}/routes/${routeId}/delivery-sheet`, XLSX);
}
export function shipRoute(waveId: number, routeId: number): Promise<ShipRouteResponse> {
  return api.post<ShipRouteResponse>(`${BASE}/waves/${waveId}/routes/${routeId}/ship`);
}

// ---- routes (配送线路) ----
export function fetchRoutes(): Promise<DeliveryRouteView[]> {
  return api.get<DeliveryRouteView[]>(`${BASE}/routes`);
}
export function fetchRoute(id: number): Promise<DeliveryRouteView> {
  return api.get<DeliveryRouteView>(`${BASE}/routes/${id}`);
}
export function createRoute(body: DeliveryRouteInput): Promise<DeliveryRouteView> {
  return api.post<DeliveryRouteView>(`${BASE}/routes`, body);
}
export function updateRoute(id: number, body: DeliveryRouteInput): Promise<DeliveryRouteView> {
  return api.put<DeliveryRouteView>(`${BASE}/routes/${id}`, body);
}
export function deleteRoute(id: number): Promise<void> {
  return api.delete<void>(`${BASE}/routes/${id}`);
}
