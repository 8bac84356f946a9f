import { BindingReason, MemberChannel } from '@linli/shared-types';

/** Channels a client may claim at login; `import` is only for staff imports. */
const CLIENT_CHANNELS: readonly MemberChannel[] = [
  MemberChannel.POSTER,
  MemberChannel.SHARE_CARD,
  MemberChannel.GROUP_QR,
  MemberChannel.SEARCH,
  MemberChannel.DIRECT,
];

export interface Attribution {
  channel: MemberChannel;
  firstLeaderId: number | null;
}

/**
 * The source of a NEW member. A valid leader code attributes them to that leader (shared card unless the
 * client says poster or group QR); without one the claimed channel stands, defaulting to direct.
 */
export function decideAttribution(
  entryLeaderId: number | null,
  claimed: MemberChannel | undefined,
): Attribution {
  const channel = claimed && CLIENT_CHANNELS.includes(claimed) ? claimed : undefined;
  if (entryLeaderId !== null) {
    const linked = channel && channel !== MemberChannel.DIRECT && channel !== MemberChannel.SEARCH;
    return { channel: linked ? channel : MemberChannel.SHARE_CARD, firstLeaderId: entryLeaderId };
  }
  return { channel: channel ?? MemberChannel.DIRECT, firstLeaderId: null };
}

/** A login through a valid leader's link binds only a member who has no leader; a bound one is never moved. */
export function entryBindingTarget(
  currentLeaderId: number | null,
  entryLeaderId: number | null,
): number | null {
  return currentLeaderId === null ? entryLeaderId : null;
}

export type BindingChangeDecision = { ok: true } | { ok: false; error: 'target_invalid' | 'already_there' };

/** Whether a buyer switch or a staff move to `targetLeaderId` may happen. */
export function decideBindingChange(
  currentLeaderId: number | null,
  targetLeaderId: number,
  targetIsActive: boolean,
): BindingChangeDecision {
  if (!targetIsActive) return { ok: false, error: 'target_invalid' };
  if (currentLeaderId === targetLeaderId) return { ok: false, error: 'already_there' };
  return { ok: true };
}

/** Staff notes are required for moves; other reasons carry none. */
export function bindingNoteFor(reason: BindingReason, note: string | null): string | null {
  return reason === BindingReason.STAFF_MOVE ? note : null;
}
