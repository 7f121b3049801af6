package org.adjoint4j.examples.cli.schedule;

import java.util.List;
import java.util.Objects;
import org.adjoint4j.checkpoint.OnlineSchedule;
import org.adjoint4j.checkpoint.Schedule;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.adjoint4j.checkpoint.schedule.DynamicSchedule;
import org.adjoint4j.checkpoint.schedule.MultiLevelSchedule;
import org.adjoint4j.checkpoint.schedule.OnDiskSchedule;
import org.adjoint4j.checkpoint.schedule.StoreAllSchedule;
import org.adjoint4j.examples.cli.config.ConfigKey;
import org.adjoint4j.examples.cli.config.Configuration;
import org.adjoint4j.examples.cli.config.ConfigurationException;
import org.adjoint4j.examples.cli.config.ValueTypes;

/**
 * What a user asked of checkpointing, from the {@code [checkpointing]} section of a configuration or
 * the options of {@code adjoint4j schedule}; {@link #toSchedule()} and {@link #toOnlineSchedule()} are
 * the one place that turns it into a schedule.
 *
 * @param kind        the schedule
 * @param steps       time steps of the run, at least 1 (for an online schedule: the run's expected length)
 * @param memorySlots memory snapshot slots, u<sub>0</sub>'s included: at least 1 for binomial,
 *                    multi-level and online; steps − 1 for store-all; 0 for disk
 * @param diskSlots   disk slots: at least 1 for disk; for multi-level at least 1, or 0 for unlimited;
 *                    0 otherwise
 * @param writeCost   a disk write in forward steps (multi-level)
 * @param readCost    a disk read in forward steps (multi-level)
 * @param calibrate   whether the costs are measured when the run starts instead of given
 */
public record ScheduleSpec(ScheduleKind kind, int steps, int memorySlots, int diskSlots, double writeCost, double readCost,
                           boolean calibrate) {

    /** {@code checkpointing.schedule}. */
    public static final ConfigKey<String> SCHEDULE = ConfigKey.optional("checkpointing.schedule",
            ValueTypes.oneOf(ScheduleKind.names()), ScheduleKind.BINOMIAL.configName(),
            "the checkpointing schedule: optimal binomial in memory, every state in memory, the least-cost memory + disk"
                    + " schedule, binomial on disk, or online (for runs whose length the model decides)");
    /** {@code checkpointing.memory_slots}. */
    public static final ConfigKey<Integer> MEMORY_SLOTS = ConfigKey.optional("checkpointing.memory_slots",
            ValueTypes.integer(1, Integer.MAX_VALUE), 20,
            "memory snapshot slots, u0's included, of the binomial, multi-level and online schedules (store-all uses"
                    + " steps - 1, disk none)");
    /** {@code checkpointing.disk_slots}. */
    public static final ConfigKey<Integer> DISK_SLOTS = ConfigKey.optional("checkpointing.disk_slots",
            ValueTypes.integer(0, Integer.MAX_VALUE), 0,
            "disk snapshot slots of the multi-level (0: as many as it needs) and disk (at least 1) schedules");
    /** {@code checkpointing.disk_costs}. */
    public static final ConfigKey<String> DISK_COSTS = ConfigKey.optional("checkpointing.disk_costs",
            ValueTypes.oneOf(List.of("calibrate", "given")), "calibrate",
            "multi-level: measure the cost of a disk write and read when the run starts, or use write_cost and read_cost");
    /** {@code checkpointing.write_cost}. */
    public static final ConfigKey<Double> WRITE_COST = ConfigKey.optional("checkpointing.write_cost",
            ValueTypes.nonNegativeNumber(), 1.0, "with disk_costs = \"given\": a disk write, in forward steps");
    /** {@code checkpointing.read_cost}. */
    public static final ConfigKey<Double> READ_COST = ConfigKey.optional("checkpointing.read_cost",
            ValueTypes.nonNegativeNumber(), 1.0, "with disk_costs = \"given\": a disk read, in forward steps");
    /** The keys that choose the schedule. */
    public static final List<ConfigKey<?>> KEYS = List.of(SCHEDULE, MEMORY_SLOTS, DISK_SLOTS, DISK_COSTS, WRITE_COST, READ_COST);

    /**
     * Validates the combination; messages name the parameter and its value.
     *
     * @param kind        the schedule, not null
     * @param steps       time steps of the run, at least 1
     * @param memorySlots memory snapshot slots: exactly steps − 1 for store-all, not checked for disk,
     *                    at least 1 otherwise
     * @param diskSlots   disk slots, at least 0; at least 1 for disk
     * @param writeCost   a disk write in forward steps, finite and at least 0
     * @param readCost    a disk read in forward steps, finite and at least 0
     * @param calibrate   whether the costs are measured when the run starts instead of given
     * @throws IllegalArgumentException if a value is out of range for the kind
     */
    public ScheduleSpec {
        Objects.requireNonNull(kind, "kind");
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, was " + steps);
        }
        switch (kind) {
            case STORE_ALL:
                if (memorySlots != steps - 1) {
                    throw new IllegalArgumentException("store-all uses steps - 1 = " + (steps - 1) + " memory slots, was given "
                            + memorySlots);
                }
                break;
            case DISK:
                if (diskSlots < 1) {
                    throw new IllegalArgumentException("diskSlots must be >= 1 for the disk schedule, was " + diskSlots);
                }
                break;
            default:
                if (memorySlots < 1) {
                    throw new IllegalArgumentException("memorySlots must be >= 1, was " + memorySlots);
                }
        }
        if (diskSlots < 0) {
            throw new IllegalArgumentException("diskSlots must be >= 0, was " + diskSlots);
        }
        if (!(writeCost >= 0) || !(readCost >= 0) || Double.isInfinite(writeCost) || Double.isInfinite(readCost)) {
            throw new IllegalArgumentException("disk costs must be finite and >= 0, were write " + writeCost + ", read " + readCost);
        }
    }

    /**
     * Binomial checkpointing of {@code steps} steps with {@code memorySlots} memory slots.
     *
     * @param steps       time steps of the run, at least 1
     * @param memorySlots memory slots, u<sub>0</sub>'s included, at least 1
     * @return the specification
     * @throws IllegalArgumentException if a count is out of range
     */
    public static ScheduleSpec binomial(int steps, int memorySlots) {
        return new ScheduleSpec(ScheduleKind.BINOMIAL, steps, memorySlots, 0, 0, 0, false);
    }

    /**
     * Every state of {@code steps} steps in memory.
     *
     * @param steps time steps of the run, at least 1
     * @return the specification, with steps − 1 memory slots
     * @throws IllegalArgumentException if {@code steps < 1}
     */
    public static ScheduleSpec storeAll(int steps) {
        return new ScheduleSpec(ScheduleKind.STORE_ALL, steps, steps - 1, 0, 0, 0, false);
    }

    /**
     * The least-cost memory + disk schedule for given costs; {@code diskSlots} 0 for unlimited disk.
     *
     * @param steps       time steps of the run, at least 1
     * @param memorySlots memory slots, u<sub>0</sub>'s included, at least 1
     * @param diskSlots   disk slots, at least 0 (0: unlimited)
     * @param writeCost   a disk write in forward steps, finite and at least 0
     * @param readCost    a disk read in forward steps, finite and at least 0
     * @return the specification, with given (not measured) costs
     * @throws IllegalArgumentException if a value is out of range
     */
    public static ScheduleSpec multiLevel(int steps, int memorySlots, int diskSlots, double writeCost, double readCost) {
        return new ScheduleSpec(ScheduleKind.MULTI_LEVEL, steps, memorySlots, diskSlots, writeCost, readCost, false);
    }

    /**
     * Binomial checkpointing with {@code diskSlots} slots, all on disk.
     *
     * @param steps     time steps of the run, at least 1
     * @param diskSlots disk slots, at least 1
     * @param writeCost a disk write in forward steps, at least 0, for the predicted cost
     * @param readCost  a disk read in forward steps, at least 0, for the predicted cost
     * @return the specification, with no memory slots
     * @throws IllegalArgumentException if a count or cost is out of range
     */
    public static ScheduleSpec disk(int steps, int diskSlots, double writeCost, double readCost) {
        return new ScheduleSpec(ScheduleKind.DISK, steps, 0, diskSlots, writeCost, readCost, false);
    }

    /**
     * The online schedule with {@code memorySlots} slots, replayed for a run of {@code steps}.
     *
     * @param steps       the run's expected length, at least 1 (used when the schedule is replayed for a report)
     * @param memorySlots memory slots, u<sub>0</sub>'s included, at least 1
     * @return the specification
     * @throws IllegalArgumentException if a count is out of range
     */
    public static ScheduleSpec online(int steps, int memorySlots) {
        return new ScheduleSpec(ScheduleKind.ONLINE, steps, memorySlots, 0, 0, 0, false);
    }

    /**
     * The schedule that {@code configuration}'s {@code [checkpointing]} section asks for, for a run of {@code steps}.
     *
     * @param configuration a configuration read with {@link #KEYS}
     * @param steps         time steps of the run (the model's), at least 1
     * @return the specification; for multi-level with {@code disk_costs = "calibrate"} the costs are
     *         still to be measured
     * @throws ConfigurationException naming the key if the combination is not possible
     */
    public static ScheduleSpec from(Configuration configuration, int steps) {
        ScheduleKind kind = ScheduleKind.named(configuration.get(SCHEDULE));
        int memory = configuration.get(MEMORY_SLOTS);
        int disk = configuration.get(DISK_SLOTS);
        switch (kind) {
            case STORE_ALL:
                return storeAll(steps);
            case BINOMIAL:
                return binomial(steps, memory);
            case ONLINE:
                return online(steps, memory);
            case DISK:
                if (disk < 1) {
                    throw ConfigurationException.notAllowed(DISK_SLOTS.name(), Integer.toString(disk),
                            "at least 1 disk slot for schedule = \"disk\"", configuration.origin(DISK_SLOTS));
                }
                return disk(steps, disk, configuration.get(WRITE_COST), configuration.get(READ_COST));
            case MULTI_LEVEL:
                boolean calibrate = configuration.get(DISK_COSTS).equals("calibrate");
                return new ScheduleSpec(kind, steps, memory, disk, configuration.get(WRITE_COST), configuration.get(READ_COST),
                        calibrate);
            default:
                throw new AssertionError(kind);
        }
    }

    /**
     * The same specification with measured disk costs.
     *
     * @param write a disk write in forward steps, finite and at least 0
     * @param read  a disk read in forward steps, finite and at least 0
     * @return a new specification with these costs and {@code calibrate} false
     * @throws IllegalArgumentException if a cost is out of range
     */
    public ScheduleSpec withCosts(double write, double read) {
        return new ScheduleSpec(kind, steps, memorySlots, diskSlots, write, read, false);
    }

    /**
     * One line saying what the schedule is, e.g. "multi-level: 20 memory + unlimited disk slots, disk costs measured".
     *
     * @return the kind and its slots (and, for multi-level, its disk costs)
     */
    public String describe() {
        switch (kind) {
            case BINOMIAL: return "binomial: " + memorySlots + " memory slots";
            case STORE_ALL: return "store-all: " + memorySlots + " memory slots";
            case DISK: return "binomial on disk: " + diskSlots + " disk slots";
            case ONLINE: return "online: " + memorySlots + " memory slots";
            case MULTI_LEVEL:
                return "multi-level: " + memorySlots + " memory + " + (diskSlots == 0 ? "unlimited" : Integer.toString(diskSlots))
                        + " disk slots, " + (calibrate ? "disk costs measured"
                        : String.format(java.util.Locale.ROOT, "a disk write %.3g and a read %.3g forward steps", writeCost, readCost));
            default: throw new AssertionError(kind);
        }
    }

    /**
     * Whether the run's length is decided by the model (an online schedule).
     *
     * @return true for {@link ScheduleKind#ONLINE}: use {@link #toOnlineSchedule()}, not {@link #toSchedule()}
     */
    public boolean online() {
        return kind == ScheduleKind.ONLINE;
    }

    /**
     * The schedule of a fixed-length run.
     *
     * @return a new schedule of {@code steps} steps
     * @throws IllegalStateException for an online schedule, or a multi-level one whose costs are still to be measured
     */
    public Schedule toSchedule() {
        switch (kind) {
            case BINOMIAL: return BinomialSchedule.of(steps, memorySlots);
            case STORE_ALL: return StoreAllSchedule.of(steps);
            case DISK: return OnDiskSchedule.of(BinomialSchedule.of(steps, diskSlots));
            case MULTI_LEVEL:
                if (calibrate) {
                    throw new IllegalStateException("the disk costs are measured when the run starts");
                }
                MultiLevelSchedule.Builder b = MultiLevelSchedule.builder().steps(steps).memorySlots(memorySlots)
                        .writeCost(writeCost).readCost(readCost);
                return (diskSlots == 0 ? b.unlimitedDisk() : b.diskSlots(diskSlots)).build();
            case ONLINE: throw new IllegalStateException("an online schedule has no fixed length: use toOnlineSchedule()");
            default: throw new AssertionError(kind);
        }
    }

    /**
     * The online schedule.
     *
     * @return a new dynamic schedule with {@code memorySlots} memory slots
     * @throws IllegalStateException if the kind is not {@link ScheduleKind#ONLINE}
     */
    public OnlineSchedule toOnlineSchedule() {
        if (kind != ScheduleKind.ONLINE) {
            throw new IllegalStateException(kind.configName() + " is not an online schedule");
        }
        return DynamicSchedule.of(memorySlots);
    }
}
