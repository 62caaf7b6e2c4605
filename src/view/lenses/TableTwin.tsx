/** (Owned by the lenses feature.) */
export function TableTwin() {
  return null;
}
