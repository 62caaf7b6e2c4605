import type Sigma from 'sigma';

/**
 * False once sigma has been killed (the graph stage unmounted: SigmaStage kills its instance; a late frame or handler
 * may still come). A refresh on a killed instance throws ("could not find a suitable program"): every controller
 * checks before drawing.
 */
export function sigmaAlive(sigma: Sigma): boolean {
  // kill() empties the program registry; there is no public flag for it.
  const programs = (sigma as unknown as { nodePrograms?: Record<string, unknown> }).nodePrograms;
  return !!programs && Object.keys(programs).length > 0;
}
