package org.adjoint4j.adjoint.verify;

import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.adjoint.Fields;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Seeded random perturbations, uniform in [-1, 1] on owned cells (ghost cells zero). Field values
 * differ per rank (the seed is combined with the rank); replicated scalars are the same on every rank.
 */
final class RandomDirections {

    private RandomDirections() {
    }

    static void fill(Fields target, long seed, int rank) {
        target.zero();
        RandomGenerator random = new Well19937c(new int[] {(int) seed, (int) (seed >>> 32), rank, 0x5eed});
        for (int f = 0; f < target.layout().size(); f++) {
            FieldSpec s = target.spec(f);
            double[] a = target.get(f);
            for (int j = 0; j < s.ny(); j++) {
                for (int i = 0; i < s.nx(); i++) {
                    a[s.index(i, j)] = 2 * random.nextDouble() - 1;
                }
            }
        }
    }

    static void fill(Controls target, long seed, int rank) {
        fill(target.fields(), seed, rank);
        RandomGenerator random = new Well19937c(new int[] {(int) seed, (int) (seed >>> 32), -1, 0x5ca1a});
        double[] s = target.scalars();
        for (int i = 0; i < s.length; i++) {
            s[i] = 2 * random.nextDouble() - 1;
        }
    }
}
