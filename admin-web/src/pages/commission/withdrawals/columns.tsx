import { Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { formatFen, type WithdrawalView } from '@linli/shared-types';
import { WITHDRAWAL_METHOD_LABELS } from '../../../labels/commission';
import { TimeCell } from '../../orders/detail/RecordsCard';
import { PermittedLink } from '../../orders/components/PermittedLink';
import { shanghaiTime } from '../../orders/service';
import { WithdrawalStatusTag } from '../components/CommissionTags';
import { maskAccountNo } from '../format';

const small = { display: 'block', fontSize: 12 } as const;
const dash = <Typography.Text type="secondary">—</Typography.Text>;

/** The withdrawal list's columns (the actions column is added by the page when the staff may act). */
export const WITHDRAWAL_COLUMNS: TableColumnsType<WithdrawalView> = [
  {
    title: '团长',
    key: 'leader',
    width: 100,
    ellipsis: true,
    render: (_, w) => (
      <PermittedLink to={`/leaders/${w.leaderId}`} permission="leaders.read" testId="withdrawal-leader">
        {w.leaderName}
      </PermittedLink>
    ),
  },
  {
    title: '金额',
    dataIndex: 'amount',
    width: 110,
    align: 'right',
    render: (fen: number) => (
      <Typography.Text strong data-testid="withdrawal-amount">
        {formatFen(fen)}
      </Typography.Text>
    ),
  },
  {
    title: '提现方式',
    key: 'method',
    width: 180,
    render: (_, w) => (
      <div data-testid="withdrawal-method" data-method={w.method}>
        {WITHDRAWAL_METHOD_LABELS[w.method]}
        {w.method === 'bank' && w.bankAccount && (
          <Typography.Text type="secondary" style={small}>
            {w.bankAccount.bankName} {maskAccountNo(w.bankAccount.accountNo)} · {w.bankAccount.holder}
          </Typography.Text>
        )}
      </div>
    ),
  },
  {
    title: '状态',
    key: 'status',
    width: 130,
    render: (_, w) => (
      <TimeCell
        time={<WithdrawalStatusTag status={w.status} />}
        caption={
          w.awaitingConfirmation ? (
            '待团长确认收款'
          ) : w.paidAt ? (
            <span style={{ whiteSpace: 'nowrap' }} data-testid="withdrawal-paid-at">
              {shanghaiTime(w.paidAt, 'MM-DD HH:mm')} 到账
            </span>
          ) : null
        }
      />
    ),
  },
  {
    title: '申请时间',
    dataIndex: 'requestedAt',
    width: 140,
    render: (iso: string) => <span style={{ whiteSpace: 'nowrap' }}>{shanghaiTime(iso)}</span>,
  },
  {
    title: '审核',
    key: 'review',
    width: 130,
    render: (_, w) =>
      w.reviewedAt ? (
        <TimeCell time={w.reviewedBy ?? '系统自动'} caption={shanghaiTime(w.reviewedAt)} />
      ) : (
        dash
      ),
  },
  {
    title: '原因 / 备注',
    key: 'reason',
    // Takes what the others leave; never so little that a reason shows as a bare ellipsis.
    minWidth: 160,
    render: (_, w) => {
      const reason = w.failureReason ?? w.reviewNote;
      if (!reason) return dash;
      return (
        <Typography.Paragraph
          type={w.failureReason ? 'danger' : 'secondary'}
          ellipsis={{ rows: 2, tooltip: reason }}
          style={{ margin: 0, fontSize: 13 }}
          data-testid={w.failureReason ? 'withdrawal-failure' : 'withdrawal-review-note'}
        >
          {reason}
        </Typography.Paragraph>
      );
    },
  },
];
