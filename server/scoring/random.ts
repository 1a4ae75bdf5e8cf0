/**
 * Seeded pseudo-random numbers, so that every stochastic result (SMAA) is reproducible from its
 * seed, in Node and in the browser alike.
 *
 * Generator: xoshiro128** (Blackman & Vigna 2021, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 47(4):36), period 2^128 − 1, seeded through splitmix32 so that nearby
 * seeds give unrelated streams.
 */

/** A seeded stream of numbers. */
export interface Random {
  /** Next 32-bit unsigned integer. */
  nextUint32(): number;
  /** Next double in the open interval (0, 1) (never 0, so −ln u is finite). */
  next(): number;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * A xoshiro128** generator seeded from any finite number (integers up to 2^53 are distinct
 * seeds; the fractional part is ignored).
 */
export function createRandom(seed: number): Random {
  let z = Math.floor(Number.isFinite(seed) ? seed : 0);
  const lo = z >>> 0;
  const hi = Math.floor(z / 4294967296) >>> 0;
  z = (lo ^ Math.imul(hi, 0x9e3779b9)) | 0;
  // splitmix32 (a 32-bit variant of Steele, Lea & Flood 2014's SplitMix) fills the state.
  const splitmix = (): number => {
    z = (z + 0x9e3779b9) | 0;
    let t = z ^ (z >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) | 0;
  };
  let s0 = splitmix(), s1 = splitmix(), s2 = splitmix(), s3 = splitmix();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // the all-zero state is a fixed point
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
  return {
    nextUint32,
    next: () => (nextUint32() + 0.5) * 2.3283064365386963e-10, // (u + ½) / 2^32
  };
}

/**
 * Fills `out` with a weight vector uniformly distributed on the unit simplex (flat Dirichlet):
 * normalised independent standard exponentials (Rubinstein & Kroese 2016, "Simulation and the
 * Monte Carlo Method", 3rd ed., §4.3). Normalising independent U(0,1) draws instead would
 * over-weight the centre of the simplex.
 */
export function sampleSimplex(rng: Random, out: Float64Array): Float64Array {
  let total = 0;
  for (let j = 0; j < out.length; j++) {
    const e = -Math.log(rng.next());
    out[j] = e;
    total += e;
  }
  for (let j = 0; j < out.length; j++) out[j]! /= total;
  return out;
}
