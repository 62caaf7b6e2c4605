/** (Owned by the lenses feature.) */
export function LensBar() {
  return null;
}
