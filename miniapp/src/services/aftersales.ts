import {
  type AdminAfterSalesCaseView,
  type AfterSalesCaseView,
  type AfterSalesStatus,
  type ApproveAfterSalesRequest,
  type CreateAfterSalesRequest,
  type Paged,
  type RejectAfterSalesRequest,
} from '@linli/shared-types';
import { get, post } from './request';

/** After-sales (售后) calls for the buyer and the leader. All silent: the screens show errors in place. */

export function createAfterSales(
  orderId: number,
  body: CreateAfterSalesRequest,
): Promise<AfterSalesCaseView> {
  return post<AfterSalesCaseView>(`/api/app/orders/${orderId}/aftersales`, body, { silent: true });
}

/** The order's cases, newest first. */
export function fetchOrderAfterSales(orderId: number): Promise<AfterSalesCaseView[]> {
  return get<AfterSalesCaseView[]>(`/api/app/orders/${orderId}/aftersales`, undefined, { silent: true });
}

export function fetchMyAfterSales(page: number, pageSize: number): Promise<Paged<AfterSalesCaseView>> {
  return get<Paged<AfterSalesCaseView>>('/api/app/aftersales', { page, pageSize }, { silent: true });
}

export function fetchAfterSalesCase(id: number): Promise<AfterSalesCaseView> {
  return get<AfterSalesCaseView>(`/api/app/aftersales/${id}`, undefined, { silent: true });
}

export function fetchLeaderAfterSales(
  status: AfterSalesStatus | undefined,
  page: number,
  pageSize: number,
): Promise<Paged<AdminAfterSalesCaseView>> {
  const params: Record<string, string | number> = { page, pageSize };
  if (status) params.status = status;
  return get<Paged<AdminAfterSalesCaseView>>('/api/app/leader/aftersales', params, { silent: true });
}

export function fetchLeaderAfterSalesCase(id: number): Promise<AdminAfterSalesCaseView> {
  return get<AdminAfterSalesCaseView>(`/api/app/leader/aftersales/${id}`, undefined, { silent: true });
}

export function approveAfterSales(id: number, note?: string): Promise<AdminAfterSalesCaseView> {
  const body: ApproveAfterSalesRequest = note ? { note } : {};
  return post<AdminAfterSalesCaseView>(`/api/app/leader/aftersales/${id}/approve`, body, { silent: true });
}

export function rejectAfterSales(id: number, reason: string): Promise<AdminAfterSalesCaseView> {
  const body: RejectAfterSalesRequest = { reason };
  return post<AdminAfterSalesCaseView>(`/api/app/leader/aftersales/${id}/reject`, body, { silent: true });
}
