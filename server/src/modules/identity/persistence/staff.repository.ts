import { likePattern, lockForUpdate } from '../../../platform';
import { Brackets, EntityManager } from 'typeorm';
import type { StaffListQuery } from '@linli/shared-types';
import { StaffEntity } from './staff.entity';

export async function findStaffPage(
  manager: EntityManager,
  query: StaffListQuery & { page: number; pageSize: number },
): Promise<[StaffEntity[], number]> {
  const qb = manager.getRepository(StaffEntity).createQueryBuilder('s');
  if (query.keyword) {
    const pattern = likePattern(query.keyword.trim());
    qb.andWhere(
      new Brackets((w) =>
        w
          .where("s.username LIKE :pattern ESCAPE '!'", { pattern })
          .orWhere("s.name LIKE :pattern ESCAPE '!'", { pattern })
          .orWhere("s.phone LIKE :pattern ESCAPE '!'", { pattern }),
      ),
    );
  }
  if (query.status) qb.andWhere('s.status = :status', { status: query.status });
  // Roles are a comma list: match the whole item (no CONCAT: '||' is OR in MySQL).
  if (query.role) {
    const role = query.role;
    qb.andWhere(
      new Brackets((w) =>
        w
          .where('s.roles = :role', { role })
          .orWhere('s.roles LIKE :first', { first: `${role},%` })
          .orWhere('s.roles LIKE :last', { last: `%,${role}` })
          .orWhere('s.roles LIKE :middle', { middle: `%,${role},%` }),
      ),
    );
  }
  return qb
    .orderBy('s.id', 'ASC')
    .skip((query.page - 1) * query.pageSize)
    .take(query.pageSize)
    .getManyAndCount();
}

/** Ids of active admins, locked on MySQL so two concurrent demotions cannot both pass the last-admin rule. */
export async function lockActiveAdminIds(manager: EntityManager): Promise<number[]> {
  const qb = manager
    .getRepository(StaffEntity)
    .createQueryBuilder('s')
    .select(['s.id', 's.roles'])
    .where('s.status = :status', { status: 'active' });
  const rows = await lockForUpdate(qb).getMany();
  return rows.filter((s) => s.roles.includes('admin')).map((s) => s.id);
}
