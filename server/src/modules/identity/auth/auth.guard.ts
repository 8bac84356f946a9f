import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { permissionsOf, type Permission } from '@linli/shared-types';
import { Actor, BusinessError, IS_PUBLIC_KEY, UnauthenticatedError } from '../../../platform';
import { apiAreaOf, decideAccess } from '../domain/access-policy';
import type { AccessTokenClaims } from '../domain/token-subject';
import { StaffEntity } from '../persistence/staff.entity';
import { TokenService } from '../tokens/token.service';
import { REQUIRED_PERMISSIONS_KEY } from './require-permissions.decorator';

/**
 * Global DEFAULT-DENY guard. Every route needs a valid access token unless marked `@Public()`:
 * staff tokens on /api/admin, member tokens on /api/app. Staff are re-read on every request, so a
 * disabled account, a password reset or a role change takes effect immediately.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets) ?? false;
    const requiredPermissions =
      this.reflector.getAllAndOverride<Permission[] | undefined>(REQUIRED_PERMISSIONS_KEY, targets) ?? [];
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    // The matched route pattern, not the raw URL: `/api/%61dmin/...` or `/api//admin` must not escape the
    // admin area just because the router normalises what the string check would not.
    const area = apiAreaOf(request.routeOptions.url ?? request.url);
    if (isPublic) return true;

    const token = bearerToken(request.headers.authorization);
    const claims = token ? await this.tokens.verifyAccessToken(token) : null;
    const actor = claims ? await this.actorOf(claims) : null;

    const decision = decideAccess({
      area,
      isPublic,
      tokenKind: claims?.kind ?? null,
      requiredPermissions,
      grantedPermissions: actor?.type === 'staff' ? actor.permissions : [],
    });
    if (!decision.allow) throw new BusinessError(decision.code, decision.message, decision.status);
    request.actor = actor ?? undefined;
    return true;
  }

  private async actorOf(claims: AccessTokenClaims): Promise<Actor> {
    const id = Number(claims.sub);
    if (claims.kind === 'member') return { type: 'member', memberId: id };
    const staff = await this.dataSource.getRepository(StaffEntity).findOne({
      where: { id },
      select: { id: true, name: true, roles: true, status: true, tokenVersion: true },
    });
    if (!staff) throw new UnauthenticatedError('UNAUTHENTICATED', '账号不存在，请重新登录');
    if (staff.status !== 'active')
      throw new UnauthenticatedError('AUTH_ACCOUNT_DISABLED', '账号已停用，请联系管理员');
    if ((claims.tv ?? 0) !== staff.tokenVersion) {
      throw new UnauthenticatedError('UNAUTHENTICATED', '登录已失效，请重新登录');
    }
    return {
      type: 'staff',
      staffId: staff.id,
      name: staff.name,
      roles: staff.roles,
      permissions: permissionsOf(staff.roles),
    };
  }
}

function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}
