import { LeaderStatus, type LeaderApplicationView } from '@linli/shared-types';
import { mineLeaderEntry, presentStatus, recruitStatusLabel } from './leader-status';

function view(
  status: LeaderApplicationView['status'],
  statusReason: string | null = null,
): LeaderApplicationView {
  return {
    leaderId: 1,
    status,
    name: '李小花',
    phone: '13800138000',
    inviteCode: 'ABCD2345',
    pickupPoint: {
      id: 1,
      name: '翠苑一区自提点',
      address: '文三路 100 号',
      latitude: null,
      longitude: null,
      openingHours: null,
      contactPhone: null,
      photoUrl: null,
    },
    uplineName: null,
    uplineInviteCode: null,
    agreementVersion: 'v1',
    agreementAcceptedAt: '2026-11-20T02:00:00Z',
    appliedAt: '2026-11-20T02:00:00Z',
    reviewedAt: null,
    statusReason,
  };
}

describe('presentStatus', () => {
  it('shows a pending application as 审核中 without a way to re-apply', () => {
    expect(presentStatus(view(LeaderStatus.PENDING))).toMatchObject({
      label: '审核中',
      tone: 'warning',
      canReapply: false,
    });
  });

  it('welcomes an approved leader', () => {
    expect(presentStatus(view(LeaderStatus.ACTIVE))).toMatchObject({ label: '已通过', tone: 'success' });
  });

  it('shows the rejection reason and offers 重新申请', () => {
    const shown = presentStatus(view(LeaderStatus.REJECTED, '自提点地址不够详细'));
    expect(shown).toMatchObject({ label: '已拒绝', tone: 'danger', canReapply: true });
    expect(shown.description).toBe('原因：自提点地址不够详细');
    expect(presentStatus(view(LeaderStatus.REJECTED)).description).toBe('可修改资料后重新申请。');
  });

  it('shows the suspension reason, and no re-apply', () => {
    const shown = presentStatus(view(LeaderStatus.SUSPENDED, '多次延迟交付'));
    expect(shown).toMatchObject({ label: '已停用', tone: 'muted', canReapply: false });
    expect(shown.description).toContain('原因：多次延迟交付');
    expect(shown.description).toContain('暂停接单');
  });
});

describe('mineLeaderEntry', () => {
  it('offers 申请成为团长 without a record, progress while not active, the centre when active', () => {
    expect(mineLeaderEntry(null)).toEqual({ kind: 'apply' });
    expect(mineLeaderEntry(view(LeaderStatus.PENDING))).toEqual({
      kind: 'progress',
      label: '审核中',
      tone: 'warning',
    });
    expect(mineLeaderEntry(view(LeaderStatus.REJECTED))).toMatchObject({ kind: 'progress', label: '已拒绝' });
    expect(mineLeaderEntry(view(LeaderStatus.SUSPENDED))).toMatchObject({
      kind: 'progress',
      label: '已停用',
    });
    expect(mineLeaderEntry(view(LeaderStatus.ACTIVE))).toEqual({ kind: 'center', inviteCode: 'ABCD2345' });
  });
});

describe('recruitStatusLabel', () => {
  it('labels every status', () => {
    expect(Object.values(LeaderStatus).map((s) => recruitStatusLabel(s).label)).toEqual([
      '审核中',
      '已开团',
      '未通过',
      '已停用',
    ]);
  });
});
