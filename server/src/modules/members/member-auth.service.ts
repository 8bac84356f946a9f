import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  MemberChannel,
  type AppAuthOptions,
  type DevLoginRequest,
  type MemberEntry,
  type MemberLoginResponse,
  type WechatLoginRequest,
} from '@linli/shared-types';
import {
  APP_CONFIG,
  AppConfig,
  ForbiddenError,
  isUniqueViolation,
  RequestContext,
  TransactionRunner,
} from '../../platform';
import { TokenService, WechatClient } from '../identity';
import { LeadersService } from '../leaders';
import { CommunityJoinsService } from './community-joins.service';
import { parseEntryScene } from './domain/entry-scene';
import { markActiveWith } from './member-activity';
import { MemberEntity } from './persistence/member.entity';
import { MembersService, type MemberIdentity } from './members.service';

/** The demo buyer dev-login uses when no openid is given (the seed binds it to a leader). */
export const DEFAULT_DEV_OPENID = 'demo-buyer';
/** Dev-login openids live in their own namespace so they can never collide with real WeChat openids. */
export const DEV_OPENID_PREFIX = 'dev:';

/** Mini-program login: WeChat code2session, the dev login, refresh and logout for members. */
@Injectable()
export class MemberAuthService {
  private readonly logger = new Logger(MemberAuthService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionRunner,
    private readonly tokens: TokenService,
    private readonly wechat: WechatClient,
    private readonly members: MembersService,
    private readonly leaders: LeadersService,
    private readonly communityJoins: CommunityJoinsService,
  ) {}

  options(): AppAuthOptions {
    return { wechatLogin: this.wechat.isConfigured(), devLogin: this.devLoginEnabled() };
  }

  async wechatLogin(ctx: RequestContext, input: WechatLoginRequest): Promise<MemberLoginResponse> {
    const session = await this.wechat.code2Session(input.code);
    return this.login(ctx, {
      openid: session.openid,
      unionid: session.unionid,
      ...(await this.entryOf(withScene(input.entry, input.scene))),
    });
  }

  async devLogin(ctx: RequestContext, input: DevLoginRequest): Promise<MemberLoginResponse> {
    if (!this.devLoginEnabled()) {
      throw new ForbiddenError('AUTH_DEV_LOGIN_DISABLED', '未开启开发登录，请使用微信登录');
    }
    const openid = DEV_OPENID_PREFIX + (input.openid ?? DEFAULT_DEV_OPENID);
    return this.login(ctx, {
      openid,
      unionid: null,
      nickname: input.nickname,
      ...(await this.entryOf(input.entry ?? {})),
    });
  }

  /**
   * A joinable community invite (`entry.communityCode`, or a `c=` scene) wins: group QR, its leader, the
   * community. An invalid one never fails the login; it is logged and the leader code (if any) counts.
   * `entry.leaderCode` (or the legacy `scene`) counts only when it is an active leader's invite code.
   */
  private async entryOf(
    entry: MemberEntry,
  ): Promise<Pick<MemberIdentity, 'entryLeaderId' | 'entryChannel' | 'entryCommunity'>> {
    const communityCode = entry.communityCode?.trim();
    if (communityCode) {
      const community = await this.communityJoins.findJoinable(communityCode);
      if (community) {
        return {
          entryLeaderId: community.leaderId,
          entryChannel: MemberChannel.GROUP_QR,
          entryCommunity: community,
        };
      }
      this.logger.warn(
        `login with an invalid community invite code ${JSON.stringify(communityCode)}, ignored`,
      );
    }
    const code = entry.leaderCode?.trim().toUpperCase();
    const entryLeaderId = code ? await this.leaders.findActiveLeaderIdByInviteCode(code) : null;
    return { entryLeaderId, entryChannel: entry.channel };
  }

  async refresh(ctx: RequestContext, refreshToken: string): Promise<MemberLoginResponse> {
    const result = await this.tx.run(async (m) => {
      const consumed = await this.tokens.consumeRefreshToken(m, 'member', refreshToken);
      if (!consumed.ok) return consumed;
      const pair = await this.tokens.issue(
        m,
        ctx,
        { kind: 'member', id: consumed.subjectId },
        consumed.familyId,
      );
      const member = await this.members.profileOf(m, consumed.subjectId);
      return { ok: true as const, response: { ...pair, member, isNew: false } };
    });
    if (!result.ok) throw result.error;
    return result.response;
  }

  async logout(_ctx: RequestContext, refreshToken: string): Promise<void> {
    await this.tx.run((m) => this.tokens.revokeSession(m, 'member', refreshToken));
  }

  private devLoginEnabled(): boolean {
    // Config already refuses DEV_LOGIN in production; checked again so no path can enable it there.
    return this.config.devLogin && this.config.nodeEnv !== 'production';
  }

  private async login(ctx: RequestContext, identity: MemberIdentity): Promise<MemberLoginResponse> {
    const attempt = () =>
      this.tx.run(async (m) => {
        const { member, isNew } = await this.members.findOrCreate(m, identity);
        await markActiveWith(m, member.id, new Date());
        return this.respond(m, ctx, member, isNew);
      });
    try {
      return await attempt();
    } catch (error) {
      // Two first logins of the same person raced on the openid index: the other one created the member.
      if (isUniqueViolation(error)) return attempt();
      throw error;
    }
  }

  private async respond(
    manager: Parameters<MembersService['profileOf']>[0],
    ctx: RequestContext,
    member: MemberEntity,
    isNew: boolean,
  ): Promise<MemberLoginResponse> {
    const pair = await this.tokens.issue(manager, ctx, { kind: 'member', id: member.id });
    return { ...pair, member: await this.members.profileOf(manager, member.id), isNew };
  }
}

/** The entry, completed by the legacy `scene` where the entry does not say (the entry wins). */
function withScene(entry: MemberEntry | undefined, scene: string | undefined): MemberEntry {
  const fromScene = parseEntryScene(scene);
  return {
    ...entry,
    leaderCode: entry?.leaderCode ?? fromScene.leaderCode,
    communityCode: entry?.communityCode ?? fromScene.communityCode,
  };
}
