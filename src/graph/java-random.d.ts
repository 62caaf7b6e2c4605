/** java-random (a dependency of networkanalysis-ts): Java's java.util.Random, seeded, as networkanalysis-ts expects. */
declare module 'java-random' {
  export default class JavaRandom {
    constructor(seed?: number);
    nextInt(bound?: number): number;
    nextDouble(): number;
  }
}
