package org.adjoint4j.examples.cli.schedule;

import java.util.List;
import java.util.Objects;
import org.adjoint4j.checkpoint.Schedule;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.adjoint4j.checkpoint.schedule.StoreAllSchedule;
import org.adjoint4j.examples.cli.config.ConfigKey;
import org.adjoint4j.examples.cli.config.Configuration;
import org.adjoint4j.examples.cli.config.ValueTypes;

/**
 * What a user asked of checkpointing, from the {@code [checkpointing]} section of a configuration or
 * the options of {@code adjoint4j schedule}; {@link #toSchedule()} is the one place that turns it into a
 * {@link Schedule}.
 *
 * @param kind        the schedule
 * @param steps       time steps of the run, at least 1
 * @param memorySlots memory snapshot slots available, u<sub>0</sub>'s included: at least 1 for
 *                    binomial; steps − 1 for store-all
 */
public record ScheduleSpec(ScheduleKind kind, int steps, int memorySlots) {

    /** {@code checkpointing.schedule}. */
    public static final ConfigKey<String> SCHEDULE = ConfigKey.optional("checkpointing.schedule",
            ValueTypes.oneOf(ScheduleKind.names()), ScheduleKind.BINOMIAL.configName(),
            "the checkpointing schedule: optimal binomial with memory_slots slots, or every state in memory");
    /** {@code checkpointing.memory_slots}. */
    public static final ConfigKey<Integer> MEMORY_SLOTS = ConfigKey.optional("checkpointing.memory_slots",
            ValueTypes.integer(1, Integer.MAX_VALUE), 20,
            "memory snapshot slots of the binomial schedule, u0's included (store-all uses steps - 1 and ignores it)");
    /** The keys of the {@code [checkpointing]} section. */
    public static final List<ConfigKey<?>> KEYS = List.of(SCHEDULE, MEMORY_SLOTS);

    /** Validates the combination; messages name the parameter and its value. */
    public ScheduleSpec {
        Objects.requireNonNull(kind, "kind");
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, was " + steps);
        }
        if (kind == ScheduleKind.BINOMIAL && memorySlots < 1) {
            throw new IllegalArgumentException("memorySlots must be >= 1, was " + memorySlots);
        }
        if (kind == ScheduleKind.STORE_ALL && memorySlots != steps - 1) {
            throw new IllegalArgumentException("store-all uses steps - 1 = " + (steps - 1) + " memory slots, was given "
                    + memorySlots);
        }
    }

    /** Binomial checkpointing of {@code steps} steps with {@code memorySlots} memory slots. */
    public static ScheduleSpec binomial(int steps, int memorySlots) {
        return new ScheduleSpec(ScheduleKind.BINOMIAL, steps, memorySlots);
    }

    /** Every state of {@code steps} steps in memory. */
    public static ScheduleSpec storeAll(int steps) {
        return new ScheduleSpec(ScheduleKind.STORE_ALL, steps, steps - 1);
    }

    /** The schedule that {@code configuration}'s {@code [checkpointing]} section asks for, for a run of {@code steps}. */
    public static ScheduleSpec from(Configuration configuration, int steps) {
        ScheduleKind kind = ScheduleKind.named(configuration.get(SCHEDULE));
        return kind == ScheduleKind.STORE_ALL ? storeAll(steps) : binomial(steps, configuration.get(MEMORY_SLOTS));
    }

    /** The schedule. */
    public Schedule toSchedule() {
        switch (kind) {
            case BINOMIAL: return BinomialSchedule.of(steps, memorySlots);
            case STORE_ALL: return StoreAllSchedule.of(steps);
            default: throw new AssertionError(kind);
        }
    }
}
