/**
 * The file name a download should get, from `Content-Disposition`. Chinese names come as RFC 5987
 * `filename*=UTF-8''%E5%AF%B9…`, which wins over the plain `filename="…"` (often an ASCII fallback).
 * Path parts are dropped so a name can never point outside the download folder.
 */
export function fileNameFromDisposition(header: string | null | undefined): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*([^;]+)/i.exec(header)?.[1]?.trim();
  if (extended) {
    const encoded = extended.replace(/^"|"$/g, '').replace(/^[\w-]+'[^']*'/, '');
    try {
      const name = baseName(decodeURIComponent(encoded));
      if (name) return name;
    } catch {
      // A malformed escape: fall back to the plain parameter.
    }
  }
  const plain = /filename\s*=\s*("(?:[^"\\]|\\.)*"|[^;]+)/i.exec(header)?.[1]?.trim();
  if (!plain) return null;
  const unquoted = plain.startsWith('"') ? plain.slice(1, -1).replace(/\\(.)/g, '$1') : plain;
  return baseName(unquoted) || null;
}

function baseName(name: string): string {
  return name.split(/[/\\]/).pop()?.trim() ?? '';
}
