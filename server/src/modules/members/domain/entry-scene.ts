/**
 * What a mini-program scene carries: `c=<code>` is a community invite, anything else a leader's invite
 * code (the older share links carry the bare code).
 */
export function parseEntryScene(scene: string | undefined): { leaderCode?: string; communityCode?: string } {
  const value = scene?.trim();
  if (!value) return {};
  const community = /^c=(.+)$/i.exec(value);
  return community ? { communityCode: community[1] } : { leaderCode: value };
}
