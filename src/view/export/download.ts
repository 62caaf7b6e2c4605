/** Starts a real download of a blob: an object URL on a temporary <a download>, revoked shortly after. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a few seconds is plenty.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const downloadText = (text: string, fileName: string, type: string) => downloadBlob(new Blob([text], { type }), fileName);
