import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Indexes for the member list and the leader's customer search at scale (1M members, see
 * bench/members/FINDINGS.md for the measurements behind each one):
 * - nickname prefix search in the admin list;
 * - a leader's customers filtered by channel, walked newest first without reading rows;
 * - a leader's customers searched by nickname / phone tail: the search columns live in the index, so
 *   the scan of even a 30,000-customer leader never touches the table. It starts with
 *   (current_leader_id, id), so it replaces idx_members_current_leader for every query that used it;
 * - a community's members, newest membership first.
 */
export class MemberListIndexes1763856000007 implements MigrationInterface {
  name = 'MemberListIndexes1763856000007';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndices('members', [
      new TableIndex({ name: 'idx_members_nickname', columnNames: ['nickname'] }),
      new TableIndex({
        name: 'idx_members_leader_channel',
        columnNames: ['current_leader_id', 'channel', 'id'],
      }),
      new TableIndex({
        name: 'idx_members_leader_search',
        columnNames: ['current_leader_id', 'id', 'phone', 'nickname'],
      }),
    ]);
    await queryRunner.dropIndex('members', 'idx_members_current_leader');
    await queryRunner.createIndex(
      'community_memberships',
      new TableIndex({ name: 'idx_community_memberships_community', columnNames: ['community_id', 'id'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('community_memberships', 'idx_community_memberships_community');
    await queryRunner.createIndex(
      'members',
      new TableIndex({ name: 'idx_members_current_leader', columnNames: ['current_leader_id', 'id'] }),
    );
    for (const name of ['idx_members_leader_search', 'idx_members_leader_channel', 'idx_members_nickname']) {
      await queryRunner.dropIndex('members', name);
    }
  }
}
