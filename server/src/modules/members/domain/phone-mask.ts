/** 13812345678 → 138****5678; shorter numbers are masked whole (leaders see customers, not their numbers). */
export function maskPhone(phone: string | null): string | null {
  if (phone === null) return null;
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}
