import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import type { BindingChange } from '@linli/shared-types';
import { ApiError, mapErrorToFormFields } from '../../api';
import {
  MOVE_CODE_TO_FIELD,
  bindingActor,
  bindingPath,
  bindingReasonLabel,
  filtersFromSearch,
  isFiltered,
  isMemberGoneError,
  parseMemberId,
  searchFromFilters,
  toMemberListQuery,
  transferDoneText,
  type MemberListFilters,
} from './service';

describe('member list filters in the URL', () => {
  it('round-trips every filter and the paging', () => {
    const filters: MemberListFilters = {
      page: 2,
      pageSize: 50,
      keyword: '张美玲',
      leaderId: 3,
      channel: 'poster',
      joinedFrom: '2026-11-01',
      joinedTo: '2026-11-23',
      tagId: 7,
      communityId: 12,
    };
    expect(filtersFromSearch(new URLSearchParams(searchFromFilters(filters)))).toEqual(filters);
  });

  it('keeps the defaults out of the URL', () => {
    expect(searchFromFilters({ page: 1, pageSize: 20 })).toEqual({});
    expect(isFiltered(filtersFromSearch(new URLSearchParams('page=3')))).toBe(false);
  });

  it('drops an unknown channel, bad ids, bad pages and days that do not exist', () => {
    const parsed = filtersFromSearch(
      new URLSearchParams(
        'channel=tiktok&leaderId=abc&page=0&pageSize=7&keyword=%20&joinedFrom=2026-02-31&joinedTo=yesterday&tagId=x&communityId=0',
      ),
    );
    expect(parsed).toEqual({
      page: 1,
      pageSize: 20,
      keyword: undefined,
      leaderId: undefined,
      channel: undefined,
      joinedFrom: undefined,
      joinedTo: undefined,
      tagId: undefined,
      communityId: undefined,
    });
    expect(filtersFromSearch(new URLSearchParams('leaderId=-4')).leaderId).toBeUndefined();
    expect(filtersFromSearch(new URLSearchParams('leaderId=1.5')).leaderId).toBeUndefined();
  });

  it('swaps a hand-edited range whose days are the wrong way round', () => {
    const parsed = filtersFromSearch(new URLSearchParams('joinedFrom=2026-11-20&joinedTo=2026-11-01'));
    expect([parsed.joinedFrom, parsed.joinedTo]).toEqual(['2026-11-01', '2026-11-20']);
  });

  it('counts any one filter as filtered', () => {
    expect(isFiltered({ page: 1, pageSize: 20, channel: 'direct' })).toBe(true);
    expect(isFiltered({ page: 1, pageSize: 20, joinedTo: '2026-11-01' })).toBe(true);
    expect(isFiltered({ page: 1, pageSize: 20, tagId: 3 })).toBe(true);
    expect(isFiltered({ page: 1, pageSize: 20, communityId: 5 })).toBe(true);
  });
});

describe('toMemberListQuery', () => {
  it('turns the days into inclusive instants covering both whole days', () => {
    const query = toMemberListQuery({
      page: 1,
      pageSize: 20,
      leaderId: 2,
      joinedFrom: '2026-11-01',
      joinedTo: '2026-11-03',
    });
    expect(query.leaderId).toBe(2);
    expect(dayjs(query.joinedFrom).format('YYYY-MM-DD HH:mm:ss.SSS')).toBe('2026-11-01 00:00:00.000');
    expect(dayjs(query.joinedTo).format('YYYY-MM-DD HH:mm:ss.SSS')).toBe('2026-11-03 23:59:59.999');
  });

  it('sends no dates when none are chosen', () => {
    const query = toMemberListQuery({ page: 3, pageSize: 10, keyword: '139' });
    expect(query).toEqual({
      page: 3,
      pageSize: 10,
      keyword: '139',
      leaderId: undefined,
      channel: undefined,
      joinedFrom: undefined,
      joinedTo: undefined,
      tagId: undefined,
      communityId: undefined,
    });
  });

  it('passes the tag and community filters through', () => {
    const query = toMemberListQuery({ page: 1, pageSize: 20, tagId: 4, communityId: 9 });
    expect([query.tagId, query.communityId]).toEqual([4, 9]);
  });
});

describe('parseMemberId', () => {
  it('accepts positive integers only', () => {
    expect(parseMemberId('42')).toBe(42);
    for (const raw of [undefined, '', '0', '-1', 'abc', '1e3', '3.5']) expect(parseMemberId(raw)).toBeNull();
  });
});

const change = (patch: Partial<BindingChange>): BindingChange => ({
  id: 1,
  fromLeaderId: 1,
  fromLeaderName: '王丽华',
  toLeaderId: 2,
  toLeaderName: '陈建国',
  reason: 'staff_move',
  note: '原团长不再合作',
  actorType: 'staff',
  actorName: '系统管理员',
  createdAt: '2026-11-23T02:00:00.000Z',
  ...patch,
});

describe('binding history rows', () => {
  it('reads from → to with names, and a first binding from nobody', () => {
    expect(bindingPath(change({}))).toEqual({ from: '王丽华', to: '陈建国' });
    expect(bindingPath(change({ fromLeaderId: null, fromLeaderName: null }))).toEqual({
      from: '（无）',
      to: '陈建国',
    });
    expect(bindingPath(change({ toLeaderName: null, fromLeaderName: null }))).toEqual({
      from: '团长 #1',
      to: '团长 #2',
    });
  });

  it('labels the reason in Chinese', () => {
    expect(bindingReasonLabel(change({}))).toBe('后台调整');
    expect(bindingReasonLabel(change({ reason: 'entry_link' }))).toBe('通过团长链接进入');
    expect(bindingReasonLabel(change({ reason: 'buyer_switch' }))).toBe('买家自行切换');
    expect(bindingReasonLabel(change({ reason: 'leader_approved' }))).toBe('成为团长');
  });

  it('names who made the change', () => {
    expect(bindingActor(change({}))).toBe('员工 · 系统管理员');
    expect(bindingActor(change({ actorType: 'member', actorName: '张美玲' }))).toBe('会员本人');
    expect(bindingActor(change({ actorType: 'system', actorName: null }))).toBe('系统');
    expect(bindingActor(change({ actorType: 'system', actorName: 'demo-seed' }))).toBe('系统 · demo-seed');
  });
});

describe('move and transfer errors', () => {
  const error = (code: string, status: number, fields?: { field: string; errors: string[] }[]) =>
    new ApiError(status, { code, message: `${code} 的说明`, requestId: 'r1', fields });

  it('puts the target-leader codes under the leader picker', () => {
    for (const code of ['MEMBER_TARGET_LEADER_INVALID', 'MEMBER_ALREADY_AT_LEADER']) {
      const mapped = mapErrorToFormFields(
        error(code, 409).body,
        ['toLeaderId', 'reason'],
        MOVE_CODE_TO_FIELD,
      );
      expect(mapped).toEqual({
        fields: [{ name: ['toLeaderId'], errors: [`${code} 的说明`] }],
        unmatched: [],
      });
    }
  });

  it('puts a reason rejected by validation under the reason', () => {
    const body = error('VALIDATION_FAILED', 400, [{ field: 'reason', errors: ['原因至少 2 个字'] }]).body;
    expect(mapErrorToFormFields(body, ['toLeaderId', 'reason'], MOVE_CODE_TO_FIELD).fields).toEqual([
      { name: ['reason'], errors: ['原因至少 2 个字'] },
    ]);
  });

  it('treats a vanished member as gone, not as a form problem', () => {
    expect(isMemberGoneError(error('MEMBER_NOT_FOUND', 404))).toBe(true);
    expect(isMemberGoneError(error('MEMBER_ALREADY_AT_LEADER', 409))).toBe(false);
    expect(isMemberGoneError(new Error('network'))).toBe(false);
  });

  it('says how many members a transfer moved', () => {
    expect(transferDoneText(12, '陈建国')).toBe('已将 12 名会员转移给 陈建国');
    expect(transferDoneText(0, '陈建国')).toBe('该团长名下没有会员，无需转移');
  });
});
