import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { EntityManager, IsNull } from 'typeorm';
import type { TokenPair } from '@linli/shared-types';
import { APP_CONFIG, AppConfig, RequestContext, UnauthenticatedError } from '../../../platform';
import { judgeRefreshToken } from '../domain/refresh-rotation';
import { isAccessTokenClaims, type AccessTokenClaims, type TokenSubjectKind } from '../domain/token-subject';
import { RefreshTokenEntity } from '../persistence/refresh-token.entity';

export interface TokenSubject {
  kind: TokenSubjectKind;
  id: number;
  /** Staff only: the current token version, embedded in the access token. */
  tokenVersion?: number;
}

/** Result of presenting a refresh token. On failure the caller must commit (a reuse revokes the family) and then throw. */
export type ConsumeResult =
  { ok: true; subjectId: number; familyId: string } | { ok: false; error: UnauthenticatedError };

const REFRESH_INVALID = () => new UnauthenticatedError('AUTH_REFRESH_INVALID', '登录已失效，请重新登录');

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * Access tokens are short-lived JWTs (claims: sub, kind, tv). Refresh tokens are 256-bit random strings,
 * stored only as SHA-256, single use: each refresh rotates the token within its family; presenting a
 * rotated token again revokes the whole family (the session was stolen or replayed).
 */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Issues an access token and a new refresh token (in `familyId`, or a new family = a new session). */
  async issue(
    manager: EntityManager,
    ctx: RequestContext,
    subject: TokenSubject,
    familyId: string = randomUUID(),
  ): Promise<TokenPair> {
    const claims: AccessTokenClaims = { sub: String(subject.id), kind: subject.kind };
    if (subject.tokenVersion !== undefined) claims.tv = subject.tokenVersion;
    const accessToken = await this.jwt.signAsync(claims, {
      expiresIn: this.config.jwt.accessTtlSeconds,
      algorithm: 'HS256',
    });
    const refreshToken = randomBytes(32).toString('base64url');
    await manager.insert(RefreshTokenEntity, {
      tokenHash: sha256Hex(refreshToken),
      familyId,
      subjectKind: subject.kind,
      subjectId: subject.id,
      expiresAt: new Date(Date.now() + this.config.jwt.refreshTtlSeconds * 1000),
      usedAt: null,
      revokedAt: null,
      ip: ctx.ip ? ctx.ip.slice(0, 64) : null,
      userAgent: ctx.userAgent ? ctx.userAgent.slice(0, 255) : null,
    });
    return { accessToken, refreshToken, expiresIn: this.config.jwt.accessTtlSeconds };
  }

  /** Verifies signature and expiry; 401 TOKEN_EXPIRED or UNAUTHENTICATED otherwise. */
  async verifyAccessToken(token: string): Promise<AccessTokenClaims> {
    let payload: unknown;
    try {
      payload = await this.jwt.verifyAsync(token, { algorithms: ['HS256'] });
    } catch (error) {
      if (error instanceof Error && error.name === 'TokenExpiredError') {
        throw new UnauthenticatedError('TOKEN_EXPIRED', '登录已过期，请刷新或重新登录');
      }
      throw new UnauthenticatedError('UNAUTHENTICATED', '登录凭证无效，请重新登录');
    }
    if (!isAccessTokenClaims(payload)) {
      throw new UnauthenticatedError('UNAUTHENTICATED', '登录凭证无效，请重新登录');
    }
    return payload;
  }

  /**
   * Marks the refresh token used (the caller then issues the next one in the same family). A replayed or
   * concurrently used token revokes its family. Never throws for a bad token: the revocation must commit.
   */
  async consumeRefreshToken(
    manager: EntityManager,
    kind: TokenSubjectKind,
    raw: string,
  ): Promise<ConsumeResult> {
    const repo = manager.getRepository(RefreshTokenEntity);
    const stored = await repo.findOneBy({ tokenHash: sha256Hex(raw) });
    const now = new Date();
    const verdict = judgeRefreshToken(stored, kind, now);
    if (verdict.outcome === 'reject') return { ok: false, error: REFRESH_INVALID() };
    const token = stored as RefreshTokenEntity;
    if (verdict.outcome === 'reuse') {
      await this.revokeFamily(manager, token.familyId, now);
      return { ok: false, error: REFRESH_INVALID() };
    }
    // Conditional update: of two concurrent refreshes with the same token, exactly one wins.
    const claimed = await repo.update(
      { id: token.id, usedAt: IsNull(), revokedAt: IsNull() },
      { usedAt: now },
    );
    if (!claimed.affected) {
      await this.revokeFamily(manager, token.familyId, now);
      return { ok: false, error: REFRESH_INVALID() };
    }
    return { ok: true, subjectId: token.subjectId, familyId: token.familyId };
  }

  /** Logout: ends the session the token belongs to. Unknown or foreign tokens are ignored (idempotent). */
  async revokeSession(manager: EntityManager, kind: TokenSubjectKind, raw: string): Promise<void> {
    const stored = await manager.getRepository(RefreshTokenEntity).findOneBy({ tokenHash: sha256Hex(raw) });
    if (!stored || stored.subjectKind !== kind) return;
    await this.revokeFamily(manager, stored.familyId, new Date());
  }

  /** Ends every session of a subject (password reset, disabled account). */
  async revokeAllFor(manager: EntityManager, kind: TokenSubjectKind, subjectId: number): Promise<void> {
    await manager
      .getRepository(RefreshTokenEntity)
      .update({ subjectKind: kind, subjectId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async revokeFamily(manager: EntityManager, familyId: string, now: Date): Promise<void> {
    await manager
      .getRepository(RefreshTokenEntity)
      .update({ familyId, revokedAt: IsNull() }, { revokedAt: now });
  }
}
