/** How much of a handler's last error the operator screen shows (the full text stays in the log). */
export const ERROR_EXCERPT_LENGTH = 500;

/** Cuts `text` to at most `max` characters, marking the cut with an ellipsis. */
export function errorExcerpt(text: string, max = ERROR_EXCERPT_LENGTH): string {
  const chars = Array.from(text); // by code point: never split a surrogate pair of Chinese or emoji
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}
