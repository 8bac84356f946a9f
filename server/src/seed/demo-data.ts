import type { TagColor } from '@linli/shared-types';
import type { NewPickupPoint } from '../modules/leaders';

/** Demo data of a small operator in 杭州: three leaders with pickup points, their buyers, fresh produce. */

export interface DemoLeader {
  key: string;
  name: string;
  phone: string;
  pickupPoint: NewPickupPoint;
}

export const DEMO_LEADERS: DemoLeader[] = [
  {
    key: 'leader-wang',
    name: '王丽华',
    phone: '13857101234',
    pickupPoint: {
      name: '翠苑一区自提点',
      address: '浙江省杭州市西湖区文三路 478 号翠苑一区 12 幢底商',
      latitude: 30.2836,
      longitude: 120.1265,
      openingHours: '每天 08:00–21:00',
      contactPhone: '13857101234',
    },
  },
  {
    key: 'leader-chen',
    name: '陈建国',
    phone: '13906812345',
    pickupPoint: {
      name: '采荷新村自提点',
      address: '浙江省杭州市上城区采荷路 35 号采荷新村东门便利店',
      latitude: 30.259,
      longitude: 120.1945,
      openingHours: '每天 09:00–20:30',
      contactPhone: '13906812345',
    },
  },
  {
    key: 'leader-liu',
    name: '刘晓燕',
    phone: '15158023456',
    pickupPoint: {
      name: '滨江星光社区自提点',
      address: '浙江省杭州市滨江区江南大道 228 号星光国际广场 1 号楼底商',
      latitude: 30.2087,
      longitude: 120.2121,
      openingHours: '周一至周六 08:30–20:00',
      contactPhone: '15158023456',
    },
  },
];

export interface DemoMember {
  /** dev-login openid (the stored openid gets the `dev:` prefix). */
  key: string;
  nickname: string;
  phone: string | null;
  /** Index into DEMO_LEADERS. */
  leader: number;
}

export const DEMO_MEMBERS: DemoMember[] = [
  { key: 'demo-buyer', nickname: '演示买家', phone: null, leader: 0 },
  { key: 'member-zhang', nickname: '张美玲', phone: '13757112201', leader: 0 },
  { key: 'member-li', nickname: '李志强', phone: '13588203302', leader: 0 },
  { key: 'member-zhao', nickname: '赵雪', phone: null, leader: 0 },
  { key: 'member-sun', nickname: '孙浩然', phone: '18667104404', leader: 1 },
  { key: 'member-zhou', nickname: '周敏', phone: '13605715505', leader: 1 },
  { key: 'member-wu', nickname: '吴佳怡', phone: null, leader: 1 },
  { key: 'member-zheng', nickname: '郑国华', phone: '13967107707', leader: 2 },
  { key: 'member-feng', nickname: '冯晓丽', phone: '15888408808', leader: 2 },
  { key: 'member-he', nickname: '何俊', phone: null, leader: 2 },
];

// Demo catalog (categories, suppliers, products, the bundle): see demo-catalog.ts.

export interface DemoTagGroup {
  name: string;
  tags: Array<{ name: string; color: TagColor; members: string[] }>;
}

/** Tag groups with a few members tagged (by DEMO_MEMBERS key), so the member list has something to filter. */
export const DEMO_TAG_GROUPS: DemoTagGroup[] = [
  {
    name: '消费能力',
    tags: [
      { name: '高消费', color: 'gold', members: ['member-zhang', 'member-zheng'] },
      { name: '价格敏感', color: 'cyan', members: ['member-li', 'member-he'] },
    ],
  },
  {
    name: '偏好',
    tags: [
      { name: '爱生鲜', color: 'green', members: ['member-zhang', 'member-zhou', 'member-wu'] },
      { name: '爱零食', color: 'orange', members: ['member-li', 'member-feng'] },
      { name: '宝妈', color: 'magenta', members: ['member-zhang', 'member-wu'] },
    ],
  },
  { name: '状态', tags: [{ name: '待激活', color: 'blue', members: ['member-zhao'] }] },
];

export interface DemoCommunity {
  /** Index into DEMO_LEADERS. */
  leader: number;
  name: string;
  /** DEMO_MEMBERS keys that first arrived through this community's QR code (source 群二维码). */
  arrivedThrough: string[];
  /** DEMO_MEMBERS keys who joined later, already customers. */
  joinedLater: string[];
}

/** The first demo leader's WeChat groups, so 我的社群 / 我的客户 and the admin tabs have something to show. */
export const DEMO_COMMUNITIES: DemoCommunity[] = [
  {
    leader: 0,
    name: '翠苑一区1号楼团购群',
    arrivedThrough: ['member-li', 'member-zhao'],
    joinedLater: ['member-zhang', 'demo-buyer'],
  },
  { leader: 0, name: '翠苑宝妈生鲜群', arrivedThrough: [], joinedLater: ['member-zhang'] },
];
