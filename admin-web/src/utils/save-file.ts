/** Hands a downloaded file to the browser as if a link had been clicked (keeps the auth header out of URLs). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Some browsers start the download after the click returns: give them time before freeing the blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
