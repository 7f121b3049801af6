package org.adjoint4j.checkpoint.schedule;

/**
 * The least cost by a recursion over ranges that allows every placement of a range's first state:
 * in memory, on disk, or in both, above or below any other checkpoint. For a range of {@code L}
 * steps whose first state u<sub>c</sub> is live, with {@code a} free memory slots (u<sub>c</sub>'s
 * memory copy, if any, counts as free: storing it again is free), {@code b} free disk slots and
 * {@code d = 1} if u<sub>c</sub> already has a disk copy (not among the {@code b}):
 * <pre>
 * C(1, a, b, d) = 0
 * C(L, a, b, d) = min over 1 ≤ m &lt; L of
 *   memory only:  m + C(L−m, a−1, b+d, 0) + C(m, a, b+d, 0)                              (a ≥ 1)
 *   disk only:    w·(1−d) + m + C(L−m, a, b', 0) + r + C(m, a, b', 1)       (b' = b−1+d ≥ 0)
 *   both:         w·(1−d) + m + C(L−m, a−1, b', 0) + C(m, a, b', 1)               (a ≥ 1, b' ≥ 0)
 * </pre>
 * ({@code m} steps are advanced and the first state stored after u<sub>c</sub> is u<sub>c+m</sub>;
 * the right part is reversed first). The run costs {@code C(l, s_m, s_d, 0) + 1}. O(l²·s_m·s_d):
 * a reference for small cases, independent of the schedule's own programme.
 */
final class GeneralTierRecursion {

    private GeneralTierRecursion() {
    }

    /** @param diskSlots disk slots; {@code -1} for unlimited */
    static double minimalCost(int l, int memorySlots, int diskSlots, double w, double r) {
        int disk = diskSlots < 0 ? l : diskSlots;
        // c[L][a][b][d]
        double[][][][] c = new double[l + 1][memorySlots + 1][disk + 2][2];
        for (int length = 2; length <= l; length++) {
            for (int a = 0; a <= memorySlots; a++) {
                for (int b = 0; b <= disk; b++) {
                    for (int d = 0; d < 2; d++) {
                        if (d == 1 && b == disk) {
                            c[length][a][b][d] = Double.POSITIVE_INFINITY;
                            continue;
                        }
                        double best = Double.POSITIVE_INFINITY;
                        int nb = b - 1 + d;
                        for (int m = 1; m < length; m++) {
                            if (a >= 1) {
                                best = Math.min(best, m + c[length - m][a - 1][b + d][0] + c[m][a][b + d][0]);
                            }
                            if (nb >= 0) {
                                double write = d == 0 ? w : 0;
                                best = Math.min(best, write + m + c[length - m][a][nb][0] + r + c[m][a][nb][1]);
                                if (a >= 1) {
                                    best = Math.min(best, write + m + c[length - m][a - 1][nb][0] + c[m][a][nb][1]);
                                }
                            }
                        }
                        c[length][a][b][d] = best;
                    }
                }
            }
        }
        return c[l][memorySlots][disk][0] + 1;
    }
}
