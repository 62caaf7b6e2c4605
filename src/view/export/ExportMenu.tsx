/** The Export menu: images, data files, snapshots, share links. (Owned by the export feature.) */
export function ExportMenu() {
  return null;
}
