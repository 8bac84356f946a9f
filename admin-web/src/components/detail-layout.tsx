import { Typography } from 'antd';

// antd Descriptions falls back to 3 columns for every breakpoint left out, so each is spelled out.
export const ONE_COLUMN = { xs: 1, sm: 1, md: 1, lg: 1, xl: 1, xxl: 1 };
export const TWO_COLUMNS = { xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 2 };
export const FOUR_COLUMNS = { xs: 1, sm: 2, md: 2, lg: 4, xl: 4, xxl: 4 };

/** What a detail field shows when it has no value. */
export const none = <Typography.Text type="secondary">—</Typography.Text>;
