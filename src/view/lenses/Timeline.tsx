/** (Owned by the lenses feature.) */
export function Timeline() {
  return null;
}
