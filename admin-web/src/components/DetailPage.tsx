import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Flex, Result, Skeleton, Space, type SkeletonProps } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { isApiError } from '../api';
import { LoadError } from './LoadError';

/** Where a detail page goes back to, e.g. `{ to: '/orders', label: '返回订单列表' }`. */
export interface BackToList {
  to: string;
  label: string;
}

interface DetailFallbackProps {
  /** The record's query; shown here until it has succeeded. */
  query: UseQueryResult<unknown>;
  /** The id in the URL is not an id at all: "not found" without asking the server. */
  invalidId: boolean;
  back: BackToList;
  /** e.g. 订单不存在 / 该订单可能已被删除，或链接有误。 */
  notFound: { title: string; subTitle: string; testId: string };
  skeleton?: SkeletonProps;
}

/** What a detail page shows before its record: a skeleton, "not found" (bad id or 404), or the load error. */
export function DetailFallback({ query, invalidId, back, notFound, skeleton }: DetailFallbackProps) {
  if (invalidId || (query.isError && isApiError(query.error) && query.error.status === 404))
    return (
      <Result
        status="404"
        title={notFound.title}
        subTitle={notFound.subTitle}
        extra={
          <Link to={back.to}>
            <Button type="primary">{back.label}</Button>
          </Link>
        }
        data-testid={notFound.testId}
      />
    );
  return (
    <Card variant="borderless">
      {query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Skeleton active {...skeleton} />
      )}
    </Card>
  );
}

/** A detail page's top row: back to the list and the record's title (with its badges); actions on the right. */
export function DetailHeader({
  back,
  children,
  actions,
}: {
  back: BackToList;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <Flex justify="space-between" align="center" gap={16} wrap style={{ marginBottom: 16 }}>
      <Space size={12} align="center">
        <Link to={back.to} aria-label={back.label}>
          <Button type="text" icon={<ArrowLeftOutlined />} />
        </Link>
        {children}
      </Space>
      {actions}
    </Flex>
  );
}
