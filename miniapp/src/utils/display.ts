import { formatFen, type CampaignItemView } from '@linli/shared-types';

/** The first visible character of a name, for avatar and thumbnail placeholders. */
export function initialOf(name: string): string {
  const trimmed = name.trim();
  return trimmed ? Array.from(trimmed)[0].toUpperCase() : '邻';
}

/** "省¥3.00" when the group price beats the original, else null. */
export function savingLabel(item: Pick<CampaignItemView, 'groupPrice' | 'originalPrice'>): string | null {
  const saving = item.originalPrice - item.groupPrice;
  return saving > 0 ? `省${formatFen(saving)}` : null;
}

export function limitLabel(perMemberLimit: number): string | null {
  return perMemberLimit > 0 ? `每人限购 ${perMemberLimit} 件` : null;
}

/** "138****8000": enough to recognise one's own number on a shared screen. */
export function maskPhone(phone: string): string {
  return /^\d{11}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}

/** Placeholder cover tints, picked stably per campaign so a card keeps its colour between visits. */
const COVER_TINTS = ['tint-green', 'tint-orange', 'tint-teal', 'tint-lime'] as const;
export function coverTint(id: number): (typeof COVER_TINTS)[number] {
  return COVER_TINTS[Math.abs(id) % COVER_TINTS.length];
}
