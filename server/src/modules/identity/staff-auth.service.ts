import { Injectable } from '@nestjs/common';
import type { StaffLoginRequest, StaffLoginResponse, StaffProfile } from '@linli/shared-types';
import { RequestContext, requireStaff, TransactionRunner, UnauthenticatedError } from '../../platform';
import { AuditService } from '../audit';
import { dummyPasswordHash, verifyPassword } from './domain/password-hasher';
import { StaffEntity } from './persistence/staff.entity';
import { toStaffProfile } from './staff.mapper';
import { TokenService } from './tokens/token.service';

const INVALID_CREDENTIALS = () => new UnauthenticatedError('AUTH_INVALID_CREDENTIALS', '用户名或密码错误');
const ACCOUNT_DISABLED = () => new UnauthenticatedError('AUTH_ACCOUNT_DISABLED', '账号已停用，请联系管理员');

/** Back-office login, token refresh and logout. */
@Injectable()
export class StaffAuthService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
  ) {}

  async login(ctx: RequestContext, input: StaffLoginRequest): Promise<StaffLoginResponse> {
    const username = input.username.trim().toLowerCase();
    const found = await this.tx.run((m) => m.getRepository(StaffEntity).findOneBy({ username }));
    // Same work and the same answer for an unknown user as for a wrong password.
    const matches = await verifyPassword(input.password, found?.passwordHash ?? (await dummyPasswordHash()));
    if (!found || !matches) throw INVALID_CREDENTIALS();
    if (found.status !== 'active') throw ACCOUNT_DISABLED();

    return this.tx.run(async (m) => {
      const repo = m.getRepository(StaffEntity);
      const staff = await repo.findOneByOrFail({ id: found.id });
      // Re-checked inside the transaction: the account may have been disabled meanwhile.
      if (staff.status !== 'active') throw ACCOUNT_DISABLED();
      staff.lastLoginAt = new Date();
      await repo.update({ id: staff.id }, { lastLoginAt: staff.lastLoginAt });
      const pair = await this.tokens.issue(m, ctx, {
        kind: 'staff',
        id: staff.id,
        tokenVersion: staff.tokenVersion,
      });
      await this.audit.record(m, ctx, {
        action: 'auth.login',
        entityType: 'staff',
        entityId: staff.id,
        before: null,
        after: null,
        actor: { type: 'staff', id: staff.id, name: staff.name },
      });
      return { ...pair, staff: toStaffProfile(staff) };
    });
  }

  async refresh(ctx: RequestContext, refreshToken: string): Promise<StaffLoginResponse> {
    const result = await this.tx.run(async (m) => {
      const consumed = await this.tokens.consumeRefreshToken(m, 'staff', refreshToken);
      if (!consumed.ok) return consumed;
      const staff = await m.getRepository(StaffEntity).findOneBy({ id: consumed.subjectId });
      if (!staff || staff.status !== 'active') {
        await this.tokens.revokeAllFor(m, 'staff', consumed.subjectId);
        return { ok: false as const, error: ACCOUNT_DISABLED() };
      }
      const pair = await this.tokens.issue(
        m,
        ctx,
        { kind: 'staff', id: staff.id, tokenVersion: staff.tokenVersion },
        consumed.familyId,
      );
      return { ok: true as const, response: { ...pair, staff: toStaffProfile(staff) } };
    });
    // Thrown only after the commit, so a detected reuse really revokes the family.
    if (!result.ok) throw result.error;
    return result.response;
  }

  async logout(_ctx: RequestContext, refreshToken: string): Promise<void> {
    await this.tx.run((m) => this.tokens.revokeSession(m, 'staff', refreshToken));
  }

  async me(ctx: RequestContext): Promise<StaffProfile> {
    const actor = requireStaff(ctx);
    const staff = await this.tx.run((m) => m.getRepository(StaffEntity).findOneBy({ id: actor.staffId }));
    if (!staff) throw new UnauthenticatedError();
    return toStaffProfile(staff);
  }
}
