package org.adjoint4j.adjoint;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.adjoint4j.adjoint.NonFiniteValueException.Phase;
import org.adjoint4j.checkpoint.ActionCursor;
import org.adjoint4j.checkpoint.OnlineCursor;
import org.adjoint4j.checkpoint.OnlineSchedule;
import org.adjoint4j.checkpoint.Schedule;
import org.adjoint4j.checkpoint.ScheduleSummary;
import org.adjoint4j.checkpoint.SnapshotStore;
import org.adjoint4j.checkpoint.Tier;
import org.adjoint4j.checkpoint.TierUsage;
import org.adjoint4j.checkpoint.storage.MemorySnapshotStore;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.ReduceOp;
import org.adjoint4j.mpi.SerialCommunicator;

/**
 * Computes J(m) and its gradient by running a {@link TimeStepper} forward and its adjoint backward
 * under a checkpointing {@link Schedule}.
 *
 * <p>One gradient, on every rank alike:
 * <pre>
 *   stepper.prepare(m)
 *   u_0 = initialState(m);  J = J_0(u_0) if observed
 *   for each action of the schedule:
 *     Advance(a, b):   u_{n+1} = forward(n, u_n) for n = a .. b-1; J += J_{n+1} the first time u_{n+1} is reached
 *     Store/Restore/Discard: copy the live state to / from a storage tier, free a slot
 *     Turn(l-1):       u_l = forward(l-1, u_{l-1}); J += J_l(u_l); λ_l = ∂J_l/∂u_l; then as Adjoint(l-1)
 *     Adjoint(n):      λ_n = adjoint(n, u_n, λ_{n+1}) (+ control gradient); λ_n += ∂J_n/∂u_n
 *   gradient += initialState.adjoint(m, λ_0)
 *   J and the scalar gradients are summed over ranks once
 * </pre>
 *
 * <p>Non-finite values never reach the caller as a gradient. The driver checks the initial state,
 * every state stored during the first forward sweep, u<sub>l</sub>, J and the final gradient. When a
 * check fails it runs the computation again checking every forward and adjoint step, and throws a
 * {@link NonFiniteValueException} naming the step, field, cell and rank that produced the value. With
 * {@link Builder#checkEveryStep(boolean)} every step is checked from the start.
 *
 * <p>Buffers are allocated when the driver is built; the sweeps allocate nothing. A driver is not
 * thread-safe; on P ranks, every rank builds its own with the same schedule.
 */
public final class AdjointDriver implements ReducedFunctional {

    private static final Tier[] TIERS = Tier.values();

    private final TimeStepper stepper;
    private final InitialState initialState;
    private final Objective objective;
    private final Schedule schedule;
    private final OnlineSchedule online;
    private final Communicator comm;
    private final SnapshotStore[] stores;
    private final boolean checkEveryStep;
    private final SweepObserver observer;
    private final int steps;
    private int runSteps;
    private OnlineCursor onlineCursor;
    private ScheduleSummary plan;
    private final long snapshotBytes;

    private Fields live;
    private Fields spare;
    private Fields lambda;
    private Fields lambdaSpare;
    private final Fields finalState;
    private final Controls gradient;

    // per-run bookkeeping
    private long forwardEvaluations;
    private long adjointSteps;
    private long forwardNanos;
    private long adjointNanos;
    private long storageNanos;
    private long objectiveNanos;
    private final long[] storeCounts;
    private final long[] restoreCounts;
    private final int[] occupied;
    private final int[] peak;
    private int held;
    private int peakHeld;
    private double localValue;
    private int reached;
    private int checkedThrough;
    private Phase firstBadPhase;
    private int firstBadStep;
    private String firstBadWhere;

    private AdjointDriver(Builder b) {
        this.stepper = b.stepper;
        this.initialState = b.initialState;
        this.objective = b.objective;
        this.schedule = b.schedule;
        this.online = b.online;
        this.comm = b.communicator;
        this.checkEveryStep = b.checkEveryStep;
        this.observer = b.observer;
        this.steps = schedule != null ? schedule.steps() : b.maxSteps;
        FieldLayout state = stepper.stateLayout();
        this.snapshotBytes = state.snapshotLayout().bytes();
        this.stores = new SnapshotStore[TIERS.length];
        for (Tier t : TIERS) {
            SnapshotStore s = b.stores.get(t);
            int needed = schedule != null ? schedule.slots(t) : online.slots(t);
            if (s == null && needed > 0) {
                if (t != Tier.MEMORY) {
                    throw new IllegalArgumentException("schedule " + scheduleName() + " needs " + needed + " slots of " + t
                            + " but no " + t + " store was given");
                }
                s = new MemorySnapshotStore(state.snapshotLayout(), needed);
            }
            if (s != null) {
                if (s.tier() != t) {
                    throw new IllegalArgumentException("store " + s + " is a " + s.tier() + " store, given for " + t);
                }
                if (s.capacity() < needed) {
                    throw new IllegalArgumentException("schedule " + scheduleName() + " needs " + needed + " slots of " + t
                            + " but store " + s + " has " + s.capacity());
                }
                if (!s.layout().equals(state.snapshotLayout())) {
                    throw new IllegalArgumentException("store " + s + " holds " + s.layout()
                            + ", not the stepper's state " + state.snapshotLayout());
                }
            }
            stores[t.ordinal()] = s;
        }
        this.live = new Fields(state);
        this.spare = new Fields(state);
        this.lambda = new Fields(state);
        this.lambdaSpare = new Fields(state);
        this.finalState = new Fields(state);
        this.gradient = new Controls(stepper.controlLayout());
        this.storeCounts = new long[TIERS.length];
        this.restoreCounts = new long[TIERS.length];
        this.occupied = new int[TIERS.length];
        this.peak = new int[TIERS.length];
    }

    /** A builder; stepper, initial state, objective and schedule are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The schedule this driver runs, or {@code null} if it runs an online schedule. */
    public Schedule schedule() {
        return schedule;
    }

    private String scheduleName() {
        return schedule != null ? schedule.toString() : online + " (online, at most " + steps + " steps)";
    }

    @Override
    public ControlLayout controlLayout() {
        return stepper.controlLayout();
    }

    @Override
    public Communicator communicator() {
        return comm;
    }

    /**
     * J(m) by a forward sweep only: nothing is stored.
     *
     * @throws IllegalArgumentException if the controls have another layout than the stepper's
     * @throws NonFiniteValueException  naming the step, field and cell of the first non-finite value
     */
    @Override
    public double value(Controls controls) {
        checkControls(controls);
        try {
            return forwardOnly(controls, checkEveryStep);
        } catch (NonFiniteValueException coarse) {
            if (checkEveryStep) {
                throw coarse;
            }
            forwardOnly(controls, true);
            throw notReproduced(coarse);
        }
    }

    /**
     * J(m), dJ/dm and dJ/du<sub>0</sub>.
     *
     * @throws IllegalArgumentException if the controls have another layout than the stepper's
     * @throws NonFiniteValueException  naming the step, field and cell of the first non-finite value
     */
    @Override
    public GradientResult gradient(Controls controls) {
        checkControls(controls);
        try {
            return sweep(controls, checkEveryStep);
        } catch (NonFiniteValueException coarse) {
            if (checkEveryStep) {
                throw coarse;
            }
            sweep(controls, true);
            throw notReproduced(coarse);
        }
    }

    private double forwardOnly(Controls m, boolean checkAll) {
        begin(m);
        int n = 0;
        while (!forward(n, m, checkAll, online != null)) {
            n++;
        }
        checkCollectively(live, Phase.FORWARD_STEP, n, checkAll);
        double value = comm.allreduce(localValue, ReduceOp.SUM);
        if (anyRank(!Double.isFinite(value))) {
            throw new NonFiniteValueException(Phase.RESULT, -1, -1, "the objective J = " + value + " is not finite");
        }
        return value;
    }

    private GradientResult sweep(Controls m, boolean checkAll) {
        long start = System.nanoTime();
        if (observer != SweepObserver.NONE) {
            if (schedule == null) {
                observer.started(-1, -1);
            } else {
                if (plan == null) {
                    plan = ScheduleSummary.of(schedule);
                }
                observer.started(plan.forwardEvaluations(), plan.adjointSteps());
            }
        }
        boolean done = false;
        try {
            GradientResult result = sweepObserved(m, checkAll, start);
            observer.finished(result.statistics());
            done = true;
            return result;
        } finally {
            if (!done) {
                observer.finished(null);
            }
        }
    }

    private GradientResult sweepObserved(Controls m, boolean checkAll, long start) {
        begin(m);
        ActionCursor c;
        if (online != null) {
            onlineCursor = online.cursor();
            c = onlineCursor;
        } else {
            c = schedule.cursor();
        }
        while (c.next()) {
            switch (c.kind()) {
                case ADVANCE:
                    for (int n = c.step(); n < c.to(); n++) {
                        if (forward(n, m, checkAll, false)) {
                            break;
                        }
                    }
                    break;
                case STORE:
                    if (c.step() > checkedThrough) {
                        checkCollectively(live, Phase.FORWARD_STEP, c.step() - 1, checkAll);
                        checkedThrough = c.step();
                    }
                    store(c.tier(), c.slot(), c.step());
                    break;
                case RESTORE: {
                    long t = System.nanoTime();
                    stores[c.tier().ordinal()].restore(c.slot(), c.step(), live);
                    storageNanos += System.nanoTime() - t;
                    restoreCounts[c.tier().ordinal()]++;
                    break;
                }
                case DISCARD: {
                    long t = System.nanoTime();
                    stores[c.tier().ordinal()].discard(c.slot(), c.step());
                    storageNanos += System.nanoTime() - t;
                    occupied[c.tier().ordinal()]--;
                    held--;
                    break;
                }
                case TURN:
                    if (online != null) {
                        turnOnline(c.step(), m, checkAll);
                    } else {
                        turn(c.step(), m, checkAll);
                    }
                    break;
                case ADJOINT:
                    adjoint(c.step(), m, checkAll);
                    break;
                default:
                    throw new AssertionError(c.kind());
            }
        }
        initialState.adjoint(m, lambda, gradient);
        double value = comm.allreduce(localValue, ReduceOp.SUM);
        double[] scalars = gradient.scalars();
        if (scalars.length > 0) {
            comm.allreduce(scalars, 0, scalars.length, ReduceOp.SUM);
        }
        boolean bad = !Double.isFinite(value) || !lambda.allFinite() || !gradient.allFinite();
        if (anyRank(bad)) {
            String where = !Double.isFinite(value) ? "J = " + value
                    : lambda.allFinite() ? "the control gradient, " + gradient.describeFirstNonFinite()
                    : "dJ/du_0, " + lambda.describeFirstNonFinite();
            throw new NonFiniteValueException(Phase.RESULT, -1, bad ? comm.rank() : -1,
                    "the result is not finite (" + (bad ? where + " on rank " + comm.rank() : "on another rank") + ")");
        }
        long total = System.nanoTime() - start;
        return new GradientResult(value, gradient.ownedCopy(), lambda.ownedCopy(), finalState.ownedCopy(),
                statistics(total));
    }

    /** Resets the bookkeeping, prepares the stepper and computes u_0 and J_0. */
    private void begin(Controls m) {
        for (SnapshotStore s : stores) {
            if (s != null) {
                for (int slot = 0; slot < s.capacity(); slot++) {
                    if (s.heldStep(slot) >= 0) {
                        s.discard(slot, s.heldStep(slot)); // left over by a run that failed
                    }
                }
            }
        }
        forwardEvaluations = 0;
        adjointSteps = 0;
        forwardNanos = 0;
        adjointNanos = 0;
        storageNanos = 0;
        objectiveNanos = 0;
        Arrays.fill(storeCounts, 0);
        Arrays.fill(restoreCounts, 0);
        Arrays.fill(occupied, 0);
        Arrays.fill(peak, 0);
        held = 0;
        peakHeld = 0;
        localValue = 0;
        reached = 0;
        runSteps = online != null ? -1 : steps;
        checkedThrough = 0;
        firstBadPhase = null;
        gradient.zero();
        lambda.zero();
        stepper.prepare(m);
        initialState.evaluate(m, live);
        if (!live.allFinite()) {
            noteBad(Phase.INITIAL_STATE, 0, "u_0, " + live.describeFirstNonFinite());
        }
        if (objective.observes(0, false)) {
            addValue(0, false, live, m, true);
        }
        if (anyRank(firstBadPhase != null)) {
            throw located();
        }
    }

    /**
     * Computes u_{n+1} from the live u_n. In an online run, the first time a state is reached the
     * stepper is asked whether it is final; then the cursor is told (in a gradient) and true is returned.
     *
     * @param forwardOnly true in a forward-only evaluation, which has no cursor to tell
     */
    private boolean forward(int n, Controls m, boolean checkAll, boolean forwardOnly) {
        long t = System.nanoTime();
        stepper.forward(n, live, spare, m);
        forwardNanos += System.nanoTime() - t;
        forwardEvaluations++;
        observer.forwardStep(n);
        Fields swap = live;
        live = spare;
        spare = swap;
        if (n + 1 <= reached) {
            return false;
        }
        reached = n + 1;
        if (checkAll) {
            checkCollectively(live, Phase.FORWARD_STEP, n, true);
        }
        boolean last;
        if (online != null) {
            last = n + 1 == steps || stepper.isFinal(n + 1, live, m);
            if (last && !forwardOnly) {
                runSteps = n + 1;
                onlineCursor.end(n + 1);
                return true; // the final term comes with the turn
            }
        } else {
            last = n + 1 == steps;
        }
        if (objective.observes(n + 1, last)) {
            addValue(n + 1, last, live, m, checkAll);
        }
        return last;
    }

    /**
     * The turn of an online run: u_l is live and u_{l-1} is the spare (the input of the last forward
     * call), so no forward call is needed.
     */
    private void turnOnline(int n, Controls m, boolean checkAll) {
        checkCollectively(live, Phase.FORWARD_STEP, n, checkAll);
        finalState.copyFrom(live);
        lambda.zero();
        if (objective.observes(runSteps, true)) {
            addValue(runSteps, true, live, m, true);
            long t = System.nanoTime();
            objective.gradient(runSteps, true, live, m, lambda, gradient);
            objectiveNanos += System.nanoTime() - t;
        }
        Fields swap = live;
        live = spare;
        spare = swap;
        adjoint(n, m, checkAll);
    }

    private void turn(int n, Controls m, boolean checkAll) {
        long t = System.nanoTime();
        stepper.forward(n, live, spare, m);
        forwardNanos += System.nanoTime() - t;
        forwardEvaluations++;
        observer.forwardStep(n);
        reached = steps;
        checkCollectively(spare, Phase.FORWARD_STEP, n, checkAll);
        finalState.copyFrom(spare);
        lambda.zero();
        if (objective.observes(steps, true)) {
            addValue(steps, true, spare, m, true);
            t = System.nanoTime();
            objective.gradient(steps, true, spare, m, lambda, gradient);
            objectiveNanos += System.nanoTime() - t;
        }
        adjoint(n, m, checkAll);
    }

    private void adjoint(int n, Controls m, boolean checkAll) {
        long t = System.nanoTime();
        stepper.adjoint(n, live, lambda, lambdaSpare, m, gradient);
        adjointNanos += System.nanoTime() - t;
        adjointSteps++;
        observer.adjointStep(n);
        Fields swap = lambda;
        lambda = lambdaSpare;
        lambdaSpare = swap;
        if (checkAll) {
            if (!lambda.allFinite()) {
                noteBad(Phase.ADJOINT_STEP, n, "λ_" + n + ", " + lambda.describeFirstNonFinite());
            } else if (!gradient.allFinite()) {
                noteBad(Phase.ADJOINT_STEP, n, "the control gradient, " + gradient.describeFirstNonFinite());
            }
            if (anyRank(firstBadPhase != null)) {
                throw located();
            }
        }
        if (objective.observes(n, false)) {
            t = System.nanoTime();
            objective.gradient(n, false, live, m, lambda, gradient);
            objectiveNanos += System.nanoTime() - t;
            if (checkAll) {
                if (!lambda.allFinite()) {
                    noteBad(Phase.OBJECTIVE, n, "∂J_" + n + "/∂u_" + n + ", " + lambda.describeFirstNonFinite());
                }
                if (anyRank(firstBadPhase != null)) {
                    throw located();
                }
            }
        }
    }

    private void store(Tier tier, int slot, int step) {
        int t = tier.ordinal();
        long start = System.nanoTime();
        stores[t].store(slot, step, live);
        storageNanos += System.nanoTime() - start;
        storeCounts[t]++;
        peak[t] = Math.max(peak[t], ++occupied[t]);
        peakHeld = Math.max(peakHeld, ++held);
    }

    private void addValue(int n, boolean last, Fields u, Controls m, boolean checkNow) {
        long t = System.nanoTime();
        double v = objective.value(n, last, u, m);
        objectiveNanos += System.nanoTime() - t;
        localValue += v;
        if (!Double.isFinite(v)) {
            noteBad(Phase.OBJECTIVE, n, "J_" + n + " = " + v);
        }
        if (checkNow && anyRank(firstBadPhase != null)) {
            throw located();
        }
    }

    /**
     * Checks {@code state}, the output of forward step {@code n}, on every rank. A failure found by a
     * per-step check is located exactly; otherwise it only says that some earlier step failed.
     */
    private void checkCollectively(Fields state, Phase phase, int n, boolean perStep) {
        if (firstBadPhase == null && !state.allFinite()) {
            noteBad(phase, n, "u_" + (n + 1) + ", " + state.describeFirstNonFinite());
        }
        if (!anyRank(firstBadPhase != null)) {
            return;
        }
        if (perStep) {
            throw located();
        }
        // Only located to a range of steps: the caller reruns with per-step checks to find the step.
        boolean here = firstBadPhase != null;
        throw new NonFiniteValueException(here ? firstBadPhase : phase, -1, here ? comm.rank() : -1,
                "a non-finite value appeared at or before forward step " + n
                        + (here ? " on rank " + comm.rank() + ": " + firstBadWhere : " on another rank"));
    }

    private void noteBad(Phase phase, int step, String where) {
        if (firstBadPhase == null) {
            firstBadPhase = phase;
            firstBadStep = step;
            firstBadWhere = where;
        }
    }

    /** The exact location, agreed by all ranks: the lowest rank that saw a non-finite value reports. */
    private NonFiniteValueException located() {
        double rank = comm.allreduce(firstBadPhase != null ? comm.rank() : Double.POSITIVE_INFINITY, ReduceOp.MIN);
        if (firstBadPhase == null) {
            return new NonFiniteValueException(Phase.RESULT, -1, (int) rank,
                    "a non-finite value appeared on rank " + (int) rank + " (see that rank's error)");
        }
        String what;
        switch (firstBadPhase) {
            case INITIAL_STATE: what = "the initial state"; break;
            case FORWARD_STEP: what = "forward step " + firstBadStep; break;
            case OBJECTIVE: what = "the objective term at step " + firstBadStep; break;
            case ADJOINT_STEP: what = "adjoint step " + firstBadStep; break;
            default: what = "the result"; break;
        }
        return new NonFiniteValueException(firstBadPhase, firstBadStep, comm.rank(),
                what + " produced a non-finite value on rank " + comm.rank() + ": " + firstBadWhere);
    }

    private NonFiniteValueException notReproduced(NonFiniteValueException coarse) {
        return new NonFiniteValueException(coarse.phase(), coarse.step(), coarse.rank(), coarse.getMessage()
                + "; checking every step did not reproduce it: the stepper is not deterministic");
    }

    private boolean anyRank(boolean local) {
        return comm.size() == 1 ? local : comm.allreduce(local ? 1.0 : 0.0, ReduceOp.MAX) > 0;
    }

    private void checkControls(Controls controls) {
        Objects.requireNonNull(controls, "controls");
        if (!controls.layout().equals(stepper.controlLayout())) {
            throw new IllegalArgumentException("controls: layout " + controls.layout()
                    + " does not match the stepper's " + stepper.controlLayout());
        }
    }

    private SweepStatistics statistics(long totalNanos) {
        Map<Tier, TierUsage> usage = new EnumMap<>(Tier.class);
        Map<Tier, Long> bytes = new EnumMap<>(Tier.class);
        for (Tier t : TIERS) {
            int i = t.ordinal();
            if (storeCounts[i] > 0) {
                usage.put(t, new TierUsage(storeCounts[i], restoreCounts[i], peak[i]));
                bytes.put(t, peak[i] * snapshotBytes);
            }
        }
        return new SweepStatistics(runSteps, forwardEvaluations, adjointSteps, usage, bytes, peakHeld,
                forwardNanos, adjointNanos, storageNanos, objectiveNanos, totalNanos);
    }

    /** Assembles an {@link AdjointDriver}. */
    public static final class Builder {
        private TimeStepper stepper;
        private InitialState initialState;
        private Objective objective;
        private Schedule schedule;
        private OnlineSchedule online;
        private int maxSteps;
        private Communicator communicator = SerialCommunicator.instance();
        private final Map<Tier, SnapshotStore> stores = new EnumMap<>(Tier.class);
        private boolean checkEveryStep;
        private SweepObserver observer = SweepObserver.NONE;

        private Builder() {
        }

        /** The model's time step (required). */
        public Builder stepper(TimeStepper stepper) {
            this.stepper = stepper;
            return this;
        }

        /** u<sub>0</sub> as a function of the controls (required). */
        public Builder initialState(InitialState initialState) {
            this.initialState = initialState;
            return this;
        }

        /** The objective (required). */
        public Builder objective(Objective objective) {
            this.objective = objective;
            return this;
        }

        /** The checkpointing schedule (this or an online schedule is required); it fixes the number of steps. */
        public Builder schedule(Schedule schedule) {
            this.schedule = schedule;
            return this;
        }

        /**
         * An online schedule, for runs that end when the stepper says so ({@link TimeStepper#isFinal})
         * or after {@code maxSteps} steps, whichever comes first.
         *
         * @throws IllegalArgumentException if {@code maxSteps < 1}
         */
        public Builder onlineSchedule(OnlineSchedule schedule, int maxSteps) {
            if (maxSteps < 1) {
                throw new IllegalArgumentException("maxSteps must be >= 1, was " + maxSteps);
            }
            this.online = Objects.requireNonNull(schedule, "schedule");
            this.maxSteps = maxSteps;
            return this;
        }

        /** The ranks of the run; default: a single rank. */
        public Builder communicator(Communicator communicator) {
            this.communicator = Objects.requireNonNull(communicator, "communicator");
            return this;
        }

        /**
         * A store for one tier. Without one, a memory store with as many slots as the schedule needs
         * is allocated.
         */
        public Builder store(SnapshotStore store) {
            stores.put(store.tier(), store);
            return this;
        }

        /** Check every forward and adjoint step for non-finite values (default: only at checkpoints). */
        public Builder checkEveryStep(boolean checkEveryStep) {
            this.checkEveryStep = checkEveryStep;
            return this;
        }

        /** Observes the progress of gradient computations (default: none). */
        public Builder observer(SweepObserver observer) {
            this.observer = Objects.requireNonNull(observer, "observer");
            return this;
        }

        /**
         * The driver, with its buffers allocated.
         *
         * @throws IllegalArgumentException naming what is missing or does not fit
         */
        public AdjointDriver build() {
            require(stepper, "stepper");
            require(initialState, "initialState");
            require(objective, "objective");
            if ((schedule == null) == (online == null)) {
                throw new IllegalArgumentException(schedule == null ? "schedule is required (or an online schedule)"
                        : "give a schedule or an online schedule, not both");
            }
            FieldLayout state = stepper.stateLayout();
            if (state.size() == 0) {
                throw new IllegalArgumentException("stepper " + stepper + " declares a state without fields");
            }
            initialState.check(state, stepper.controlLayout());
            objective.check(state, stepper.controlLayout(), schedule != null ? schedule.steps() : maxSteps);
            return new AdjointDriver(this);
        }

        private static void require(Object o, String name) {
            if (o == null) {
                throw new IllegalArgumentException(name + " is required");
            }
        }
    }
}
