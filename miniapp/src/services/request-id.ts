/**
 * A client request id sent as `X-Request-Id`: the server reuses it in its logs and error bodies, so a
 * toast's request id can be traced end to end. Letters, digits and `-` only, well under 64 chars.
 */
export function newRequestId(now: number = Date.now(), random: () => number = Math.random): string {
  const suffix = Math.floor(random() * 36 ** 8)
    .toString(36)
    .padStart(8, '0');
  return `mp-${now.toString(36)}-${suffix}`;
}
