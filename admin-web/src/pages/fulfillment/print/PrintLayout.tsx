import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Button, Result, Spin } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { isApiError } from '../../../api';
import styles from './print.module.css';

export { styles as printStyles };

/**
 * A print page: a toolbar (返回, 打印) shown on screen only, then the sheets. Each `.sheet` child starts a new
 * A4 page when printed. The browser's print dialog also saves the page as PDF.
 */
export function PrintLayout({
  title,
  back,
  query,
  children,
}: {
  /** The document title, which browsers use as the PDF file name. */
  title: string;
  back: string;
  query: UseQueryResult<unknown>;
  children: ReactNode;
}) {
  useEffect(() => {
    const previous = document.title;
    document.title = title;
    return () => {
      document.title = previous;
    };
  }, [title]);

  return (
    <div className={styles.desk} data-testid="print-page">
      <div className={styles.toolbar}>
        <Link to={back}>
          <Button icon={<ArrowLeftOutlined />}>返回</Button>
        </Link>
        <span className={styles.hint}>
          按 A4 纸排版，每个自提点 / 线路单独一页。需要 PDF 时点「打印」，在打印对话框选择「另存为 PDF」。
        </span>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          disabled={!query.isSuccess}
          onClick={() => window.print()}
          data-testid="print-button"
        >
          打印
        </Button>
      </div>
      {query.isSuccess ? (
        children
      ) : query.isError ? (
        <div className={styles.sheet}>
          <Result
            status={isApiError(query.error) && query.error.status === 404 ? '404' : 'error'}
            title="无法打印"
            subTitle={isApiError(query.error) ? query.error.message : '加载失败，请稍后重试'}
            extra={<Button onClick={() => void query.refetch()}>重新加载</Button>}
          />
        </div>
      ) : (
        <div className={styles.sheet} style={{ textAlign: 'center', paddingTop: 120 }}>
          <Spin />
        </div>
      )}
    </div>
  );
}
