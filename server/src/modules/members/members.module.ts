import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../identity';
import { LeadersModule } from '../leaders';
import { AppAuthController } from './api/app-auth.controller';
import { AppMeController } from './api/app-me.controller';
import { MemberAuthService } from './member-auth.service';
import { MembersService } from './members.service';
import { MemberEntity } from './persistence/member.entity';

/** Members (buyers) and their mini-program login. Source attribution, binding history and tags: issue 3. */
@Module({
  imports: [TypeOrmModule.forFeature([MemberEntity]), IdentityModule, LeadersModule],
  controllers: [AppAuthController, AppMeController],
  providers: [MembersService, MemberAuthService],
  exports: [MembersService],
})
export class MembersModule {}
