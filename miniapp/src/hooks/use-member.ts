import { useEffect, useState } from 'react';
import { type MemberProfile } from '@linli/shared-types';
import { currentMember, onSessionChange } from '@/services/session';

/** The stored member, re-rendering on login, profile refresh and logout. */
export function useMember(): MemberProfile | null {
  const [member, setMember] = useState<MemberProfile | null>(() => currentMember());
  useEffect(() => onSessionChange(setMember), []);
  return member;
}
