import { BindingReason, MemberChannel } from '@linli/shared-types';
import { bindingNoteFor, decideAttribution, decideBindingChange, entryBindingTarget } from './binding-rules';

describe('decideAttribution', () => {
  it('attributes a valid leader link, as a shared card unless poster or group QR is claimed', () => {
    expect(decideAttribution(7, undefined)).toEqual({ channel: 'share_card', firstLeaderId: 7 });
    expect(decideAttribution(7, MemberChannel.POSTER)).toEqual({ channel: 'poster', firstLeaderId: 7 });
    expect(decideAttribution(7, MemberChannel.GROUP_QR)).toEqual({ channel: 'group_qr', firstLeaderId: 7 });
    expect(decideAttribution(7, MemberChannel.DIRECT)).toEqual({ channel: 'share_card', firstLeaderId: 7 });
  });

  it('without a valid leader keeps the claimed channel or falls back to direct', () => {
    expect(decideAttribution(null, undefined)).toEqual({ channel: 'direct', firstLeaderId: null });
    expect(decideAttribution(null, MemberChannel.SEARCH)).toEqual({ channel: 'search', firstLeaderId: null });
    expect(decideAttribution(null, MemberChannel.POSTER)).toEqual({ channel: 'poster', firstLeaderId: null });
  });

  it('never lets a client claim an import', () => {
    expect(decideAttribution(null, MemberChannel.IMPORT).channel).toBe('direct');
    expect(decideAttribution(3, MemberChannel.IMPORT).channel).toBe('share_card');
  });
});

describe('entryBindingTarget', () => {
  it('binds an unbound member to the link leader and never rebinds a bound one', () => {
    expect(entryBindingTarget(null, 4)).toBe(4);
    expect(entryBindingTarget(null, null)).toBeNull();
    expect(entryBindingTarget(2, 4)).toBeNull();
    expect(entryBindingTarget(4, 4)).toBeNull();
  });
});

describe('decideBindingChange', () => {
  it('refuses inactive or unknown targets first, then a no-op move', () => {
    expect(decideBindingChange(1, 2, true)).toEqual({ ok: true });
    expect(decideBindingChange(null, 2, true)).toEqual({ ok: true });
    expect(decideBindingChange(1, 2, false)).toEqual({ ok: false, error: 'target_invalid' });
    expect(decideBindingChange(2, 2, false)).toEqual({ ok: false, error: 'target_invalid' });
    expect(decideBindingChange(2, 2, true)).toEqual({ ok: false, error: 'already_there' });
  });
});

describe('bindingNoteFor', () => {
  it('keeps the note only for staff moves', () => {
    expect(bindingNoteFor(BindingReason.STAFF_MOVE, '团长退出')).toBe('团长退出');
    expect(bindingNoteFor(BindingReason.BUYER_SWITCH, 'x')).toBeNull();
  });
});
