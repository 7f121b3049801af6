package org.adjoint4j.adjoint;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.adjoint4j.adjoint.NonFiniteValueException.Phase;
import org.adjoint4j.checkpoint.ActionCursor;
import org.adjoint4j.checkpoint.ActionKind;
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
    /**
     * Whether a durable point is due is agreed collectively, so the checks must fall on the same action
     * on every rank; the gap between checks (in actions) adapts to about this many per journal interval.
     */
    private static final int JOURNAL_CHECKS_PER_INTERVAL = 16;

    private final TimeStepper stepper;
    private final InitialState initialState;
    private final Objective objective;
    private final Schedule schedule;
    private final OnlineSchedule online;
    private final Communicator comm;
    private final SnapshotStore[] stores;
    private final boolean checkEveryStep;
    private final SweepObserver observer;
    private final DiskReadAhead readAhead;
    private final RunJournal journal;
    private final long journalIntervalNanos;
    private boolean resumeRequested;
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
    private boolean turned;
    private long actionsDone;
    private long lastJournalNanos;
    private long lastCheckNanos;
    private long lastCheckActions;
    private long nextJournalCheck;
    private final double[] journalVote = new double[2];
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
        SnapshotStore disk = stores[Tier.DISK.ordinal()];
        this.readAhead = schedule != null && disk != null && schedule.slots(Tier.DISK) > 0
                ? new DiskReadAhead(schedule, disk) : null;
        this.journal = b.journalDirectory == null ? null
                : new RunJournal(b.journalDirectory, comm.rank(), comm.size(), b.runIdentity);
        this.journalIntervalNanos = b.journalInterval == null ? 0 : b.journalInterval.toNanos();
        this.resumeRequested = b.resume;
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

    /**
     * A builder; stepper, initial state, objective and schedule are required.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The schedule this driver runs, or {@code null} if it runs an online schedule.
     *
     * @return the fixed-length schedule given to the builder, or {@code null}
     */
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
        begin(m, false);
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
        long resumeFrom = resumeRequested ? agreeOnJournal() : -1;
        resumeRequested = false; // resume once; later gradients start afresh
        begin(m, resumeFrom >= 0);
        ActionCursor c;
        if (online != null) {
            onlineCursor = online.cursor();
            c = onlineCursor;
        } else {
            c = schedule.cursor();
        }
        if (readAhead != null) {
            readAhead.reset();
        }
        if (resumeFrom >= 0) {
            resume(c, m, resumeFrom);
        }
        lastJournalNanos = System.nanoTime();
        lastCheckNanos = lastJournalNanos;
        lastCheckActions = actionsDone;
        nextJournalCheck = actionsDone + 1; // gaps start at 1 and at most double, so slow actions are noticed
        while (true) {
            if (readAhead != null) {
                readAhead.before(actionsDone);
            }
            if (!c.next()) {
                break;
            }
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
            actionsDone++;
            if (journal != null && actionsDone >= nextJournalCheck) {
                durablePoint();
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
        if (journal != null) {
            journal.delete(); // the computation is complete: nothing to resume
        }
        return new GradientResult(value, gradient.ownedCopy(), lambda.ownedCopy(), finalState.ownedCopy(),
                statistics(total));
    }

    /**
     * Resets the bookkeeping, prepares the stepper and computes u_0 and J_0.
     *
     * @param resuming keep the disk tier's snapshots (a resume adopts them)
     */
    private void begin(Controls m, boolean resuming) {
        for (SnapshotStore s : stores) {
            if (s != null && !(resuming && s.tier() == Tier.DISK)) {
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
        turned = false;
        actionsDone = 0;
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
        turned = true;
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

    /**
     * Writes a journal entry if the interval has passed on any rank, and sets the next check from the
     * slowest rank's time per action. Called at the same action counts on every rank, so all ranks
     * write the same durable points; a collective call.
     */
    private void durablePoint() {
        long now = System.nanoTime();
        journalVote[0] = now - lastJournalNanos >= journalIntervalNanos ? 1 : 0;
        journalVote[1] = (now - lastCheckNanos) / (double) (actionsDone - lastCheckActions);
        if (comm.size() > 1) {
            comm.allreduce(journalVote, 0, 2, ReduceOp.MAX);
        }
        long gap = nextJournalCheck - lastCheckActions;
        double perAction = Math.max(journalVote[1], 1.0);
        long wanted = (long) Math.min(journalIntervalNanos / (JOURNAL_CHECKS_PER_INTERVAL * perAction), 1L << 40);
        lastCheckNanos = now;
        lastCheckActions = actionsDone;
        nextJournalCheck = actionsDone + Math.max(1, Math.min(wanted, 2 * gap));
        if (journalVote[0] == 0) {
            return;
        }
        journal.write(actionsDone, reached, checkedThrough, turned, localValue, forwardEvaluations, adjointSteps,
                live, lambda, gradient, finalState);
        lastJournalNanos = System.nanoTime();
    }

    /**
     * The most actions recorded by a journal generation that every rank has, or -1 if there is none
     * (then the run starts from the beginning on every rank). A collective call.
     */
    private long agreeOnJournal() {
        long[] mine = journal.generations();
        double[] all = new double[2 * comm.size()];
        all[2 * comm.rank()] = mine[0];
        all[2 * comm.rank() + 1] = mine[1];
        comm.allreduce(all, 0, all.length, ReduceOp.SUM); // one non-zero contributor per entry: exact
        long agreed = -1;
        for (long candidate : mine) {
            boolean everywhere = candidate >= 0;
            for (int r = 0; r < comm.size() && everywhere; r++) {
                everywhere = all[2 * r] == candidate || all[2 * r + 1] == candidate;
            }
            if (everywhere) {
                agreed = Math.max(agreed, candidate);
            }
        }
        // Every rank computed the same answer from the same table.
        return agreed;
    }

    /**
     * Continues an interrupted computation from the journal entry after {@code actionsDone} actions:
     * replays the schedule to learn which steps each slot held, recomputes the states that are not
     * durably on disk on every rank (memory snapshots are always lost), and reloads the driver's state.
     */
    private void resume(ActionCursor c, Controls m, long done) {
        RunJournal.State st = journal.read(done);
        int[][] expected = new int[TIERS.length][];
        for (Tier t : TIERS) {
            expected[t.ordinal()] = new int[schedule.slots(t)];
            Arrays.fill(expected[t.ordinal()], -1);
        }
        for (long i = 0; i < done; i++) {
            if (!c.next()) {
                throw new IllegalStateException("the journal records " + done + " actions but the schedule " + schedule
                        + " has fewer");
            }
            if (c.kind() == ActionKind.STORE) {
                expected[c.tier().ordinal()][c.slot()] = c.step();
            } else if (c.kind() == ActionKind.DISCARD) {
                expected[c.tier().ordinal()][c.slot()] = -1;
            }
        }
        if (readAhead != null) {
            readAhead.before(done);
        }
        rebuildSnapshots(m, expected);
        copyInto(st.live(), live);
        copyInto(st.lambda(), lambda);
        copyInto(st.gradientFields(), gradient.fields());
        System.arraycopy(st.gradientScalars(), 0, gradient.scalars(), 0, gradient.scalars().length);
        if (st.turned()) {
            copyInto(st.finalState(), finalState);
        }
        localValue = st.localValue();
        reached = st.reached();
        checkedThrough = st.checkedThrough();
        turned = st.turned();
        forwardEvaluations += st.forwardEvaluations();
        adjointSteps = st.adjointSteps();
        actionsDone = done;
    }

    /**
     * Puts u_step back into every slot the schedule expects to hold it. A disk snapshot is kept only
     * if every rank holds it durably; everything else is recomputed from u_0 or from the nearest
     * earlier kept disk snapshot, with the same forward steps on every rank.
     */
    private void rebuildSnapshots(Controls m, int[][] expected) {
        SnapshotStore disk = stores[Tier.DISK.ordinal()];
        int[] diskHeld = expected[Tier.DISK.ordinal()];
        boolean[] keep = new boolean[diskHeld.length];
        for (int slot = 0; slot < diskHeld.length; slot++) {
            boolean valid = diskHeld[slot] >= 0 && disk.heldStep(slot) == diskHeld[slot];
            keep[slot] = !anyRank(!valid) && valid;
            if (!keep[slot] && disk != null && disk.heldStep(slot) >= 0) {
                disk.discard(slot, disk.heldStep(slot)); // stale: written after the journal entry, or lost
            }
        }
        int position = -1;
        while (true) {
            // the lowest step still to put back
            int tier = -1;
            int slot = -1;
            int step = Integer.MAX_VALUE;
            for (Tier t : TIERS) {
                int[] h = expected[t.ordinal()];
                for (int k = 0; k < h.length; k++) {
                    boolean missing = h[k] >= 0 && !(t == Tier.DISK && keep[k]) && stores[t.ordinal()].heldStep(k) != h[k];
                    if (missing && h[k] < step) {
                        tier = t.ordinal();
                        slot = k;
                        step = h[k];
                    }
                }
            }
            if (tier < 0) {
                break;
            }
            int from = 0;
            int fromSlot = -1;
            for (int k = 0; k < keep.length; k++) {
                if (keep[k] && diskHeld[k] <= step && diskHeld[k] > from) {
                    from = diskHeld[k];
                    fromSlot = k;
                }
            }
            if (position < from || position > step) {
                if (fromSlot >= 0) {
                    disk.restore(fromSlot, from, live);
                } else {
                    initialState.evaluate(m, live);
                }
                position = from;
            }
            for (int n = position; n < step; n++) {
                stepper.forward(n, live, spare, m);
                forwardEvaluations++;
                Fields swap = live;
                live = spare;
                spare = swap;
            }
            position = step;
            stores[tier].store(slot, step, live);
            occupied[tier]++;
            held++;
        }
        for (Tier t : TIERS) {
            int i = t.ordinal();
            if (t == Tier.DISK) {
                for (boolean k : keep) {
                    if (k) {
                        occupied[i]++;
                        held++;
                    }
                }
            }
            peak[i] = occupied[i];
        }
        peakHeld = held;
    }

    private static void copyInto(double[][] from, Fields to) {
        for (int f = 0; f < from.length; f++) {
            System.arraycopy(from[f], 0, to.get(f), 0, from[f].length);
        }
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
        private Path journalDirectory;
        private String runIdentity;
        private Duration journalInterval;
        private boolean resume;

        private Builder() {
        }

        /**
         * The model's time step (required).
         *
         * @param stepper the step and its adjoint; its layouts fix the driver's buffers
         * @return this builder
         */
        public Builder stepper(TimeStepper stepper) {
            this.stepper = stepper;
            return this;
        }

        /**
         * u<sub>0</sub> as a function of the controls (required).
         *
         * @param initialState I(m) and its adjoint
         * @return this builder
         */
        public Builder initialState(InitialState initialState) {
            this.initialState = initialState;
            return this;
        }

        /**
         * The objective (required).
         *
         * @param objective the terms of J
         * @return this builder
         */
        public Builder objective(Objective objective) {
            this.objective = objective;
            return this;
        }

        /**
         * The checkpointing schedule (this or an online schedule is required); it fixes the number of steps.
         *
         * @param schedule the schedule of {@code l} steps; every rank gives the same one
         * @return this builder
         */
        public Builder schedule(Schedule schedule) {
            this.schedule = schedule;
            return this;
        }

        /**
         * An online schedule, for runs that end when the stepper says so ({@link TimeStepper#isFinal})
         * or after {@code maxSteps} steps, whichever comes first.
         *
         * @param schedule the online schedule; every rank gives the same one
         * @param maxSteps the most steps the run may take, at least 1; also the number of steps the
         *                 objective is checked against
         * @return this builder
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

        /**
         * The ranks of the run; default: a single rank.
         *
         * @param communicator the ranks over which J, the scalar gradients and the checks are reduced
         * @return this builder
         */
        public Builder communicator(Communicator communicator) {
            this.communicator = Objects.requireNonNull(communicator, "communicator");
            return this;
        }

        /**
         * A store for one tier. Without one, a memory store with as many slots as the schedule needs
         * is allocated.
         *
         * @param store a store of the stepper's snapshot layout with at least the slots the schedule
         *              needs on its tier; replaces an earlier store of the same tier
         * @return this builder
         */
        public Builder store(SnapshotStore store) {
            stores.put(store.tier(), store);
            return this;
        }

        /**
         * Check every forward and adjoint step for non-finite values (default: only at checkpoints).
         *
         * @param checkEveryStep true to check after every step, which costs a collective reduction per step
         * @return this builder
         */
        public Builder checkEveryStep(boolean checkEveryStep) {
            this.checkEveryStep = checkEveryStep;
            return this;
        }

        /**
         * Keeps a journal in {@code directory} (one pair of files per rank) so that a computation whose
         * process is killed can be resumed: a durable point (live state, adjoint state, partial gradient
         * and objective) about every {@code interval} (the ranks agree on it about 16 times per interval;
         * zero writes one after every action). Needs a fixed-length schedule. Disk snapshots
         * survive in the disk store; open it in resume mode to adopt them.
         *
         * @param directory   where the journal files go (created if missing); the file names carry the
         *                    rank, so the ranks may share one directory
         * @param runIdentity a hash of the configuration and rank layout; a journal of another run is refused
         * @param interval    the wall time between durable points, at least zero
         * @return this builder
         * @throws IllegalArgumentException if {@code interval} is negative
         */
        public Builder journal(Path directory, String runIdentity, Duration interval) {
            this.journalDirectory = Objects.requireNonNull(directory, "directory");
            this.runIdentity = Objects.requireNonNull(runIdentity, "runIdentity");
            if (interval.isNegative()) {
                throw new IllegalArgumentException("interval must be >= 0, was " + interval);
            }
            this.journalInterval = interval;
            return this;
        }

        /**
         * Whether the first gradient continues from the journal, if every rank has one (default false);
         * without a usable journal it starts from the beginning.
         *
         * @param resume true to continue from the journal; needs {@link #journal}
         * @return this builder
         */
        public Builder resume(boolean resume) {
            this.resume = resume;
            return this;
        }

        /**
         * Observes the progress of gradient computations (default: none).
         *
         * @param observer called on this rank as the computation goes; {@link SweepObserver#NONE} for none
         * @return this builder
         */
        public Builder observer(SweepObserver observer) {
            this.observer = Objects.requireNonNull(observer, "observer");
            return this;
        }

        /**
         * The driver, with its buffers allocated.
         *
         * @return the driver
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
            if (journalDirectory != null && schedule == null) {
                throw new IllegalArgumentException("a journal needs a fixed-length schedule; online runs cannot resume");
            }
            if (resume && journalDirectory == null) {
                throw new IllegalArgumentException("resume needs a journal: call journal(directory, identity, interval)");
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
