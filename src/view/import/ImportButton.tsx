/** Import papers: file picker, paste box, drag and drop, report, stored datasets. (Owned by the import feature.) */
export function ImportButton() {
  return null;
}
