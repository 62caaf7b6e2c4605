/**
 * Sheets that float over the graph (the table of authors, the details sheet on narrow windows) hide its lower
 * part: the camera centres what it focuses in the part left uncovered.
 */
const FLOATING_SHEETS = '.lens-table, .details';

/** Vertical offset (px, down is positive) from the graph container's centre to the centre of its uncovered part. */
export function uncoveredCentreOffset(container: HTMLElement): number {
  const box = container.getBoundingClientRect();
  let bottom = box.bottom;
  for (const el of document.querySelectorAll<HTMLElement>(FLOATING_SHEETS)) {
    if (getComputedStyle(el).position !== 'fixed') continue;
    const r = el.getBoundingClientRect();
    const spansCentre = r.left <= box.left + box.width / 2 && r.right >= box.left + box.width / 2;
    if (r.height > 0 && spansCentre && r.top > box.top && r.top < bottom) bottom = r.top;
  }
  return (box.top + bottom) / 2 - (box.top + box.bottom) / 2;
}
