import { describe, expect, it } from 'vitest';
import { Permission, permissionsOf } from '@linli/shared-types';
import {
  AFTERSALES_EVENT_COLORS,
  AFTERSALES_SOURCE_LABELS,
  AFTERSALES_STATUS_COLORS,
  aftersalesEventLabel,
  aftersalesReasonLabel,
  aftersalesStatusLabel,
} from './aftersales';
import { auditActionLabel, auditFieldLabel, systemActorLabel } from './audit';
import { diffSnapshots } from './diff';
import { orderActorLabel } from './orders';
import { PERMISSION_AREAS, PERMISSION_INFO, groupPermissions } from './permissions';

describe('groupPermissions', () => {
  it('labels every permission and puts it in a known area', () => {
    const areas = new Set<string>(PERMISSION_AREAS.map((a) => a.key));
    for (const p of Object.values(Permission)) {
      expect(PERMISSION_INFO[p].label).toMatch(/[\u4e00-\u9fa5]/);
      expect(areas.has(PERMISSION_INFO[p].area)).toBe(true);
    }
  });

  it('groups a warehouse clerk by area in area order, without empty areas', () => {
    const groups = groupPermissions(permissionsOf(['warehouse']));
    expect(groups.map((g) => g.label)).toEqual([
      '系统与账号',
      '商品与库存',
      '团购活动',
      '订单与售后',
      '仓储履约',
    ]);
    expect(groups[1].permissions.map((p) => p.label)).toEqual(['查看商品', '查看库存', '调整库存']);
  });

  it('covers all of an admin’s permissions exactly once', () => {
    const all = permissionsOf(['admin']);
    const listed = groupPermissions(all).flatMap((g) => g.permissions.map((p) => p.key));
    expect(listed.sort()).toEqual([...all].sort());
  });

  it('returns nothing for no permissions', () => {
    expect(groupPermissions([])).toEqual([]);
  });
});

describe('diffSnapshots', () => {
  it('lists changed fields first and marks the rest unchanged', () => {
    const rows = diffSnapshots(
      { id: 3, name: '张三', roles: ['operator'], status: 'active' },
      { id: 3, name: '张三', roles: ['operator', 'finance'], status: 'disabled' },
    );
    expect(rows.map((r) => [r.field, r.kind])).toEqual([
      ['roles', 'changed'],
      ['status', 'changed'],
      ['id', 'unchanged'],
      ['name', 'unchanged'],
    ]);
    expect(rows[0]).toMatchObject({ before: ['operator'], after: ['operator', 'finance'] });
  });

  it('treats a creation as all added and a deletion as all removed', () => {
    expect(diffSnapshots(null, { id: 1, name: 'a' }).map((r) => r.kind)).toEqual(['added', 'added']);
    expect(diffSnapshots({ id: 1 }, null).map((r) => r.kind)).toEqual(['removed']);
    expect(diffSnapshots(null, null)).toEqual([]);
  });

  it('notices a field that appears only after the write and a change from value to null', () => {
    const rows = diffSnapshots({ phone: '13800000000' }, { phone: null, passwordReset: true });
    expect(rows).toEqual([
      { field: 'phone', before: '13800000000', after: null, kind: 'changed' },
      { field: 'passwordReset', before: undefined, after: true, kind: 'added' },
    ]);
  });
});

describe('auditFieldLabel', () => {
  it('prefers the entity-specific label', () => {
    expect(auditFieldLabel('staff', 'name')).toBe('姓名');
    expect(auditFieldLabel('product', 'name')).toBe('名称');
    expect(auditFieldLabel('product', 'unknownField')).toBeUndefined();
  });
});

describe('leader audit labels', () => {
  it('names every leader transition in Chinese', () => {
    for (const action of ['apply', 'approve', 'reject', 'suspend', 'reactivate']) {
      expect(auditActionLabel(`leader.${action}`)).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(auditActionLabel('leader.reject')).toBe('拒绝团长申请');
    expect(auditFieldLabel('leader', 'statusReason')).toBe('原因');
  });
});

describe('member audit labels', () => {
  it('names the staff moves of members in Chinese', () => {
    expect(auditActionLabel('member.move')).toBe('调整会员团长');
    expect(auditActionLabel('leader.transferMembers')).toBe('转移团长名下会员');
    expect(auditFieldLabel('member', 'toLeaderId')).toBe('新团长 ID');
    expect(auditFieldLabel('leader', 'moved')).toBe('转移人数');
  });
});

describe('systemActorLabel', () => {
  it('names a member acting in the mini-program and keeps unknown system actors as they are', () => {
    expect(systemActorLabel('member')).toEqual({ tag: '会员', name: '小程序' });
    expect(systemActorLabel('outbox-relay')).toEqual({ tag: '系统', name: 'outbox-relay' });
    expect(systemActorLabel(null)).toEqual({ tag: '系统', name: null });
  });
});

describe('orderActorLabel', () => {
  it('names staff and leaders with their kind once, the buyer and the system by kind alone', () => {
    expect(orderActorLabel('staff', '系统管理员')).toBe('员工 · 系统管理员');
    expect(orderActorLabel('leader', '团长 王丽华')).toBe('团长 · 王丽华');
    expect(orderActorLabel('leader', '王丽华')).toBe('团长 · 王丽华');
    expect(orderActorLabel('member', '买家')).toBe('买家');
    expect(orderActorLabel('system', '系统')).toBe('系统');
    expect(orderActorLabel('staff', '')).toBe('员工');
  });
});

describe('after-sales labels', () => {
  it('names and colours every status, reason, source and event', () => {
    for (const s of ['pending', 'approved', 'rejected'] as const) {
      expect(aftersalesStatusLabel(s)).toMatch(/[\u4e00-\u9fa5]/);
      expect(AFTERSALES_STATUS_COLORS[s]).toBeTruthy();
    }
    expect(aftersalesStatusLabel('pending')).toBe('待处理');
    expect(aftersalesReasonLabel('shortage')).toBe('到货缺货');
    expect(AFTERSALES_SOURCE_LABELS.pickup_report).toMatch(/自提点/);
    for (const e of Object.keys(AFTERSALES_EVENT_COLORS) as (keyof typeof AFTERSALES_EVENT_COLORS)[])
      expect(aftersalesEventLabel(e)).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('shows a value newer than this build as it is rather than blank', () => {
    expect(aftersalesStatusLabel('closed' as never)).toBe('closed');
  });
});
