/**
 * The nickname of a member WeChat told us nothing about (mini-programs no longer receive the user's
 * WeChat nickname at login). The id suffix keeps such members apart in lists until they set one.
 */
export function defaultNickname(openid: string): string {
  const tail = openid
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(-4)
    .toUpperCase();
  return tail ? `微信用户${tail}` : '微信用户';
}
