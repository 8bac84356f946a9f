import { Button } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import type { DownloadedFile } from '../../../api';
import { useFileDownload } from '../../../components/useFileDownload';

/** An Excel download button: the server builds the file; a refusal shows its message. */
export function ExcelButton({
  fetch,
  fallbackName,
  label = '导出 Excel',
  size,
  type,
  testId,
}: {
  fetch: () => Promise<DownloadedFile>;
  fallbackName: string;
  label?: string;
  size?: 'small' | 'middle';
  type?: 'link' | 'default';
  testId?: string;
}) {
  const download = useFileDownload();
  return (
    <Button
      icon={<FileExcelOutlined />}
      size={size}
      type={type}
      loading={download.isPending}
      onClick={() => download.mutate({ fetch, fallbackName })}
      data-testid={testId}
    >
      {label}
    </Button>
  );
}
