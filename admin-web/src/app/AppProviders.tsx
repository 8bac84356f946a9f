import { App as AntdApp, ConfigProvider } from 'antd';
// The ESM file: `antd/locale/zh_CN` is a CJS re-export whose default Rolldown drops (English pickers).
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router-dom';
import { queryClient } from './query-client';
import { router } from './router';
import { theme } from './theme';

dayjs.locale('zh-cn');

export function AppProviders() {
  return (
    // autoInsertSpace off: antd would render 两字 buttons as "停 用", which reads oddly and breaks text lookups.
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntdApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntdApp>
    </ConfigProvider>
  );
}
