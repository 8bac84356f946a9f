export { MembersModule } from './members.module';
export { MembersService, type MemberContact, type MemberIdentity, type NewMember } from './members.service';
export { DEFAULT_DEV_OPENID, DEV_OPENID_PREFIX } from './member-auth.service';
export { MemberProfileDto } from './api/dto/app-auth.dto';
export { TagsService } from './tags.service';
export { MemberTagsService } from './member-tags.service';
