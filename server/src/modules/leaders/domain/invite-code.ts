import { randomInt } from 'node:crypto';

/** Upper-case letters and digits without look-alikes (0/O, 1/I/L), so a code can be read aloud or typed. */
export const INVITE_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const INVITE_CODE_LENGTH = 8;

export function generateInviteCode(random: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i++)
    code += INVITE_CODE_ALPHABET[random(INVITE_CODE_ALPHABET.length)];
  return code;
}

export function isInviteCode(value: string): boolean {
  return value.length === INVITE_CODE_LENGTH && [...value].every((c) => INVITE_CODE_ALPHABET.includes(c));
}
