import { Button, Result, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { isApiError } from '../api';

/** The designed error state of a panel whose data failed to load: what happened, the request id, and a retry. */
export function LoadError({
  error,
  onRetry,
  compact,
}: {
  error: unknown;
  onRetry: () => void;
  compact?: boolean;
}) {
  const message = isApiError(error) ? error.message : '加载失败，请稍后重试';
  const requestId = isApiError(error) ? error.body.requestId : '';
  return (
    <Result
      status={compact ? 'warning' : 'error'}
      style={compact ? { padding: '24px 0' } : undefined}
      title="数据加载失败"
      subTitle={
        <>
          {message}
          {requestId && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
              请求编号{' '}
              <Typography.Text copyable code style={{ fontSize: 12 }}>
                {requestId}
              </Typography.Text>
            </Typography.Text>
          )}
        </>
      }
      extra={
        <Button icon={<ReloadOutlined />} onClick={onRetry} data-testid="load-retry">
          重新加载
        </Button>
      }
    />
  );
}
