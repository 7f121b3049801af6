package org.adjoint4j.benchmarks;

import java.util.Locale;
import org.adjoint4j.checkpoint.ScheduleSummary;
import org.adjoint4j.checkpoint.Tier;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.adjoint4j.checkpoint.schedule.DynamicSchedule;
import org.adjoint4j.checkpoint.schedule.MultiLevelSchedule;

/**
 * Prints what the checkpointing schedules cost, counted by replaying their actions
 * ({@link ScheduleSummary}): the memory+disk optimum for 10^4 steps and 20 memory slots at several
 * disk sizes and costs, and the online schedule against the offline optimum. Counts only, no timing.
 */
public final class ScheduleCostReport {

    private ScheduleCostReport() {
    }

    /**
     * Replays the schedules and prints the two tables to standard output.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        int steps = 10_000;
        int memory = 20;
        double binomial = ScheduleSummary.of(BinomialSchedule.of(steps, memory)).forwardEvaluations();
        System.out.printf(Locale.ROOT, "MultiLevelSchedule, l = %d, s_m = %d (memory only: %.0f forward evaluations)%n",
                steps, memory, binomial);
        System.out.printf(Locale.ROOT, "%8s %6s %6s %10s %8s %8s %10s %12s %9s%n", "s_d", "w", "r", "forward", "writes",
                "reads", "cost", "cost/memory", "disk used");
        for (double[] wr : new double[][] {{0.5, 0.5}, {2, 2}, {10, 10}, {2, 0.5}}) {
            for (int disk : new int[] {10, 100, -1}) {
                MultiLevelSchedule.Builder b = MultiLevelSchedule.builder().steps(steps).memorySlots(memory)
                        .writeCost(wr[0]).readCost(wr[1]);
                if (disk < 0) {
                    b.unlimitedDisk();
                } else {
                    b.diskSlots(disk);
                }
                MultiLevelSchedule s = b.build();
                ScheduleSummary sum = ScheduleSummary.of(s);
                System.out.printf(Locale.ROOT, "%8s %6.1f %6.1f %10d %8d %8d %10.1f %12.3f %9d%n",
                        disk < 0 ? "unlimited" : Integer.toString(disk), wr[0], wr[1], sum.forwardEvaluations(),
                        sum.diskWrites(), sum.diskReads(), sum.cost(wr[0], wr[1]), sum.cost(wr[0], wr[1]) / binomial,
                        sum.usage(Tier.DISK).peakSlots());
            }
        }
        System.out.println();
        System.out.println("DynamicSchedule (online) against the offline optimum t(l, s) + 1");
        System.out.printf(Locale.ROOT, "%4s %8s %10s %10s %7s %12s%n", "s", "l", "online", "offline", "ratio", "bound");
        for (int s : new int[] {5, 10, 20}) {
            for (int l : new int[] {100, 1000, 10_000, 100_000}) {
                long online = ScheduleSummary.ofOnline(DynamicSchedule.of(s), l).forwardEvaluations();
                long offline = ScheduleSummary.of(BinomialSchedule.of(l, s)).forwardEvaluations();
                int r = repetitions(l, s);
                long bound = l + (long) Math.max(r - 1, 0) * (l - 1);
                System.out.printf(Locale.ROOT, "%4d %8d %10d %10d %7.3f %12d%n", s, l, online, offline,
                        (double) online / offline, bound);
            }
        }
    }

    /** The least r with C(s+r, s) >= l. */
    private static int repetitions(int l, int s) {
        int r = 0;
        double beta = 1;
        while (beta < l) {
            r++;
            beta = beta * (s + r) / r;
        }
        return r;
    }
}
