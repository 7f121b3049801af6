package org.adjoint4j.adjoint;

/**
 * The outcome of one gradient computation. The arrays are the caller's: later runs do not touch them.
 *
 * @param value                 J, summed over ranks
 * @param gradient              dJ/dm: this rank's block of every control field (ghost cells zero) and
 *                              the scalars summed over ranks
 * @param initialStateGradient  dJ/du<sub>0</sub> = λ<sub>0</sub>, this rank's block (ghost cells zero)
 * @param finalState            u<sub>l</sub>, this rank's block (ghost cells zero)
 * @param statistics            counts and timings of this rank
 */
public record GradientResult(double value, Controls gradient, Fields initialStateGradient, Fields finalState,
                             SweepStatistics statistics) {
}
