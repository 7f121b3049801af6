package org.adjoint4j.checkpoint.storage;

import hdf.hdf5lib.H5;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.adjoint4j.checkpoint.SnapshotCorruptedException;
import org.adjoint4j.checkpoint.SnapshotField;
import org.adjoint4j.checkpoint.SnapshotLayout;
import org.adjoint4j.checkpoint.SnapshotStore;
import org.adjoint4j.checkpoint.SnapshotWriteException;
import org.adjoint4j.checkpoint.Snapshottable;
import org.adjoint4j.checkpoint.Tier;

/**
 * The disk tier: one HDF5 file per snapshot, in a directory of its own per rank inside a run
 * directory (node-local scratch on a cluster), written by a background I/O thread.
 *
 * <p><b>Writes do not block the sweep.</b> {@link #store} copies the state into one of
 * {@code queueDepth} pooled buffers and returns; it waits only when every buffer is still being
 * written. The I/O thread writes each snapshot under a temporary name, forces it to the disk,
 * renames it atomically to its final name and forces the directory. A snapshot still waiting for
 * its write is restored from its buffer. {@link #prefetch} reads a snapshot ahead into a free buffer
 * so that a later {@link #restore} does not wait for the disk.
 *
 * <p><b>Nothing unverified is restored.</b> Every file carries its step, rank, slot, run identity,
 * format version and a CRC-32C per dataset; a restore checks all of them before it hands over any
 * value, and raises {@link SnapshotCorruptedException} (file, dataset, step, rank) otherwise. A
 * failed write is raised as {@link SnapshotWriteException} (file, step, rank) by the next call to
 * {@link #store}, {@link #restore}, {@link #prefetch}, {@link #discard}, {@link #flush} or
 * {@link #close}, and by every call after it.
 *
 * <p><b>The journal is the directory.</b> A snapshot is good exactly when a file with its final
 * name exists: the name is given only by the atomic rename after the data reached the disk, and the
 * name encodes the slot and the step. A separate journal would need its own forced writes and could
 * disagree with the files. A store opened with {@link Builder#resume(boolean) resume(true)} on the
 * directory of an interrupted run checks the run identity and format version in the store's
 * manifest, removes temporary files, and holds the snapshots found ({@link #heldStep}).
 *
 * <p><b>Checked at open:</b> that the directory can be created and written, and that its file
 * system has room for {@code capacity} snapshots plus a margin.
 *
 * <p>Each rank uses its own store from one thread at a time. Several stores may be used at once
 * from several threads of one JVM (MPJ Express multicore ranks); the HDF5 library serialises their
 * file operations. {@code docs/file-formats.md} documents the files.
 *
 * <pre>
 * try (Hdf5SnapshotStore disk = Hdf5SnapshotStore.builder().directory(scratch).rank(rank)
 *         .layout(layout).capacity(20).runIdentity(hashOfConfigurationAndRanks).build()) {
 *     disk.store(0, 100, state);      // returns once the state is copied
 *     disk.prefetch(0, 100);          // optional: read ahead of the restore
 *     disk.restore(0, 100, state);
 *     disk.discard(0, 100);
 * }                                   // waits for the I/O thread, removes the rank's files
 * </pre>
 */
public final class Hdf5SnapshotStore implements SnapshotStore {

    private static final int MAX_IDENTITY_LENGTH = 1024;

    /** Something for the I/O thread to do. */
    private record IoJob(Kind kind, SnapshotBuffer buffer, int slot, int step) {
        enum Kind { WRITE, READ, DELETE, STOP }
    }

    private final StoreMetadata metadata;
    private final StoreDirectory directory;
    private final int queueDepth;
    private final int deflateLevel;
    private final Object lock = new Object();
    private final BlockingQueue<IoJob> jobs = new LinkedBlockingQueue<>();
    private final Thread ioThread;
    // Used by the I/O thread only.
    private final SnapshotFileWriter writer;
    private final SnapshotFileReader aheadReader;
    // Used by the caller's thread only.
    private final SnapshotFileReader restoreReader;
    private final SnapshotBuffer restoreBuffer;

    // Guarded by lock.
    private final int[] held;
    /** Per slot: a buffer with its pending write or its read-ahead, or null. */
    private final SnapshotBuffer[] inMemory;
    private final ArrayDeque<SnapshotBuffer> free = new ArrayDeque<>();
    private int unfinishedJobs;
    private SnapshotWriteException failure;
    private boolean failureReported;
    private boolean closed;

    private Hdf5SnapshotStore(Builder b) {
        SnapshotLayout layout = b.layout;
        metadata = new StoreMetadata(b.rank, b.capacity, b.runIdentity, layout, b.gridBlock);
        queueDepth = b.queueDepth;
        deflateLevel = b.deflateLevel;
        inMemory = new SnapshotBuffer[b.capacity];

        directory = StoreDirectory.open(b.directory, metadata);
        held = directory.heldSteps(b.resume);
        directory.checkFreeSpace(b.freeSpace, (int) Arrays.stream(held).filter(step -> step < 0).count());
        // Allocated only once the disk is known to have room: the buffers can be as large as the heap.
        SnapshotBuffer[] pool = allocateBuffers(layout, b.queueDepth + 1);
        restoreBuffer = pool[0];
        free.addAll(Arrays.asList(pool).subList(1, pool.length));
        directory.prepareForWrites();

        writer = new SnapshotFileWriter(metadata, b.deflateLevel);
        aheadReader = new SnapshotFileReader(metadata);
        restoreReader = new SnapshotFileReader(metadata);
        ioThread = new Thread(this::runIo, "adjoint4j-hdf5-io-rank-" + b.rank);
        // A store that is never closed must not keep the JVM alive; its unfinished writes were never held durable.
        ioThread.setDaemon(true);
        ioThread.start();
    }

    /**
     * A builder of a disk store; directory, layout, capacity and run identity are required.
     *
     * @return a new builder with the defaults: rank 0, no grid block, no compression, queue depth 2,
     *         no resume
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Tier tier() {
        return Tier.DISK;
    }

    @Override
    public SnapshotLayout layout() {
        return metadata.layout();
    }

    @Override
    public int capacity() {
        return held.length;
    }

    /**
     * The directory of this rank's files: {@code rank-NNNNN} inside the run directory.
     *
     * @return the path of the rank's directory, which {@link #close()} removes
     */
    public Path directory() {
        return directory.path();
    }

    /**
     * Copies the owned values of {@code source} into a pooled buffer and queues their write; waits
     * only while every buffer is in use.
     *
     * @param source not modified
     * @throws IllegalStateException  if the slot already holds a snapshot or the store is closed
     * @throws SnapshotWriteException if an earlier write failed
     */
    @Override
    public void store(int slot, int step, Snapshottable source) {
        checkSlot(slot);
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        SnapshotBuffer buffer;
        synchronized (lock) {
            checkUsable();
            if (held[slot] >= 0) {
                throw new IllegalStateException("disk slot " + slot + " of rank " + metadata.rank()
                        + " already holds step " + held[slot] + "; cannot store step " + step);
            }
            buffer = takeFreeBuffer();
        }
        try {
            double[][] values = buffer.values;
            for (int f = 0; f < values.length; f++) {
                source.pack(f, values[f]);
            }
        } catch (RuntimeException | Error e) {
            synchronized (lock) {
                release(buffer); // a failing pack must not cost the pool a buffer
            }
            throw e;
        }
        synchronized (lock) {
            buffer.assign(SnapshotBuffer.Use.WRITE, slot, step);
            held[slot] = step;
            inMemory[slot] = buffer;
            submit(IoJob.Kind.WRITE, buffer, slot, step);
        }
    }

    /**
     * Copies the snapshot in {@code slot} into {@code target}: from its buffer if its write is still
     * queued or its read-ahead finished, otherwise from its file. Every value is verified first.
     *
     * @param target modified: its owned values become u<sub>step</sub>; untouched if this throws
     * @throws IllegalStateException      if the slot does not hold step {@code step} or the store is closed
     * @throws SnapshotCorruptedException if the file is missing, damaged or not this snapshot's
     * @throws SnapshotWriteException     if an earlier write failed
     */
    @Override
    public void restore(int slot, int step, Snapshottable target) {
        synchronized (lock) {
            checkHeld(slot, step);
            SnapshotBuffer buffer = inMemory[slot];
            if (buffer != null && buffer.use == SnapshotBuffer.Use.WRITE) {
                unpack(buffer, target);
                return;
            }
            if (buffer != null) {
                while (!buffer.readDone) {
                    await("the read-ahead of step " + step);
                }
                inMemory[slot] = null;
                boolean ok = buffer.readOk;
                try {
                    if (ok) {
                        unpack(buffer, target);
                    }
                } finally {
                    release(buffer);
                }
                if (ok) {
                    return;
                }
                // A failed read-ahead is read again here, so that the error carries this call's stack.
            }
        }
        restoreReader.read(fileOf(slot, step), slot, step, restoreBuffer.views);
        unpack(restoreBuffer, target);
    }

    /**
     * Starts reading the snapshot in {@code slot} into a free buffer in the background, so that a
     * later {@link #restore} of it does not wait for the disk. Problems with the file are raised by
     * that restore.
     *
     * @return true if the snapshot is, or will be, in memory; false if no buffer was free (the
     *         restore will then read the file itself)
     * @throws IllegalStateException  if the slot does not hold step {@code step} or the store is closed
     * @throws SnapshotWriteException if an earlier write failed
     */
    @Override
    public boolean prefetch(int slot, int step) {
        synchronized (lock) {
            checkHeld(slot, step);
            if (inMemory[slot] != null) {
                return true;
            }
            SnapshotBuffer buffer = free.poll();
            if (buffer == null) {
                return false;
            }
            buffer.assign(SnapshotBuffer.Use.READ, slot, step);
            inMemory[slot] = buffer;
            submit(IoJob.Kind.READ, buffer, slot, step);
            return true;
        }
    }

    /**
     * Frees {@code slot}; its file is removed in the background, in order with the writes.
     *
     * @throws IllegalStateException  if the slot does not hold step {@code step} or the store is closed
     * @throws SnapshotWriteException if an earlier write failed
     */
    @Override
    public void discard(int slot, int step) {
        synchronized (lock) {
            checkHeld(slot, step);
            held[slot] = -1;
            SnapshotBuffer buffer = inMemory[slot];
            inMemory[slot] = null;
            if (buffer != null) {
                if (buffer.use == SnapshotBuffer.Use.READ && buffer.readDone) {
                    release(buffer);
                } else {
                    buffer.cancelled = true;
                }
            }
            submit(IoJob.Kind.DELETE, null, slot, step);
        }
    }

    @Override
    public int heldStep(int slot) {
        checkSlot(slot);
        synchronized (lock) {
            return held[slot];
        }
    }

    /**
     * Waits until every snapshot stored so far is durable on the disk, every discarded one is
     * removed and every read-ahead has finished.
     *
     * @throws SnapshotWriteException if a write failed
     * @throws IllegalStateException  if the store is closed
     */
    @Override
    public void flush() {
        synchronized (lock) {
            checkUsable();
            while (unfinishedJobs > 0 && failure == null) {
                await("the queued writes");
            }
            checkUsable();
        }
    }

    /**
     * Finishes every queued write, stops the I/O thread, frees every slot and removes this rank's
     * files and directory (the run directory itself stays). A second call does nothing.
     *
     * @throws SnapshotWriteException if a write failed and no earlier call raised it
     * @throws UncheckedIOException   if the files cannot be removed
     */
    @Override
    public void close() {
        shutdown(true);
    }

    /**
     * Drains the pending writes, stops the I/O thread and keeps the durable snapshots on disk, so that
     * a store opened later on the same directory in resume mode adopts them: the end of a run that
     * failed and may be resumed.
     *
     * @throws SnapshotWriteException if a write failed and was not reported yet
     */
    public void closeKeepingSnapshots() {
        shutdown(false);
    }

    private void shutdown(boolean removeFiles) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            jobs.add(new IoJob(IoJob.Kind.STOP, null, -1, -1));
        }
        boolean interrupted = false;
        while (ioThread.isAlive()) {
            try {
                ioThread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        UncheckedIOException removal = null;
        if (removeFiles) {
            try {
                directory.removeAll();
            } catch (UncheckedIOException e) {
                removal = e;
            }
        }
        synchronized (lock) {
            Arrays.fill(held, -1);
            Arrays.fill(inMemory, null);
            if (failure != null && !failureReported) {
                SnapshotWriteException e = reported(failure);
                if (removal != null) {
                    e.addSuppressed(removal);
                }
                throw e;
            }
        }
        if (removal != null) {
            throw removal;
        }
    }


    @Override
    public String toString() {
        return "disk(rank " + metadata.rank() + ", " + held.length + " slots of " + metadata.layout().bytes()
                + " bytes in " + directory.path() + (deflateLevel > 0 ? ", deflate " + deflateLevel : "") + ", "
                + queueDepth + " buffers)";
    }

    // ------------------------------------------------------------------ the I/O thread

    private void runIo() {
        // A thread-safe libhdf5 prints its error stack per thread unless told not to on each one.
        H5.H5error_off();
        while (true) {
            IoJob job;
            try {
                job = jobs.take();
            } catch (InterruptedException e) {
                // Nobody but close() may stop this thread, and only after the queue is drained.
                continue;
            }
            switch (job.kind()) {
                case WRITE -> write(job.buffer());
                case READ -> readAhead(job.buffer());
                case DELETE -> delete(job.slot(), job.step());
                case STOP -> {
                    return;
                }
            }
            synchronized (lock) {
                unfinishedJobs--;
                lock.notifyAll();
            }
        }
    }

    private void write(SnapshotBuffer buffer) {
        boolean skip;
        synchronized (lock) {
            skip = buffer.cancelled || failure != null;
        }
        SnapshotWriteException error = null;
        boolean durable = false;
        if (!skip) {
            Path file = fileOf(buffer.slot, buffer.step);
            try {
                writer.write(file, buffer.slot, buffer.step, buffer.views);
                durable = true;
            } catch (IOException | RuntimeException | Error e) {
                // Any throwable, even an Error, must become the store's failure: a silently dead I/O
                // thread would leave the sweep waiting for buffers forever.
                error = new SnapshotWriteException(file, buffer.step, metadata.rank(), describe(e), e);
            }
        }
        synchronized (lock) {
            if (inMemory[buffer.slot] == buffer) {
                inMemory[buffer.slot] = null;
            }
            if (error != null && failure == null) {
                failure = error;
            }
            if (!durable && !buffer.cancelled && held[buffer.slot] == buffer.step) {
                held[buffer.slot] = -1;
            }
            release(buffer);
        }
    }

    private void readAhead(SnapshotBuffer buffer) {
        boolean skip;
        synchronized (lock) {
            skip = buffer.cancelled;
        }
        boolean ok = false;
        if (!skip) {
            try {
                aheadReader.read(fileOf(buffer.slot, buffer.step), buffer.slot, buffer.step, buffer.views);
                ok = true;
            } catch (RuntimeException | Error e) {
                // The restore reads the file again and raises the problem on the caller's thread.
                ok = false;
            }
        }
        synchronized (lock) {
            buffer.readDone = true;
            buffer.readOk = ok;
            if (buffer.cancelled) {
                release(buffer);
            }
        }
    }

    private void delete(int slot, int step) {
        Path file = fileOf(slot, step);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            synchronized (lock) {
                if (failure == null) {
                    // A file left behind would make a resumed store believe the slot holds it.
                    failure = new SnapshotWriteException(file, step, metadata.rank(),
                            "the discarded snapshot could not be removed: " + e, e);
                }
            }
        }
    }

    // ------------------------------------------------------------------ helpers (lock held where noted)

    /** Lock held. */
    private SnapshotBuffer takeFreeBuffer() {
        while (true) {
            SnapshotBuffer buffer = free.poll();
            if (buffer != null) {
                return buffer;
            }
            if (!evictFinishedReadAhead()) {
                await("a free buffer");
            }
            checkUsable();
        }
    }

    /** Lock held. Gives a finished read-ahead's buffer back to the pool; its restore then reads the file. */
    private boolean evictFinishedReadAhead() {
        for (int slot = 0; slot < inMemory.length; slot++) {
            SnapshotBuffer buffer = inMemory[slot];
            if (buffer != null && buffer.use == SnapshotBuffer.Use.READ && buffer.readDone) {
                inMemory[slot] = null;
                release(buffer);
                return true;
            }
        }
        return false;
    }

    /** Lock held. */
    private void release(SnapshotBuffer buffer) {
        buffer.use = SnapshotBuffer.Use.FREE;
        free.push(buffer);
        lock.notifyAll();
    }

    /** Lock held. */
    private void submit(IoJob.Kind kind, SnapshotBuffer buffer, int slot, int step) {
        unfinishedJobs++;
        jobs.add(new IoJob(kind, buffer, slot, step));
    }

    /** Lock held. */
    private void await(String what) {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("disk store of rank " + metadata.rank() + ": interrupted while waiting for "
                    + what, e);
        }
    }

    /** Lock held. */
    private void checkUsable() {
        if (closed) {
            throw new IllegalStateException("disk store of rank " + metadata.rank() + " in " + directory.path()
                    + " is closed");
        }
        if (failure != null) {
            throw reported(failure);
        }
    }

    /** Lock held. A new exception per report, so that each carries the stack of the call that raised it. */
    private SnapshotWriteException reported(SnapshotWriteException e) {
        failureReported = true;
        return new SnapshotWriteException(e.file(), e.step(), e.rank(), e.problem(), e);
    }

    /** Lock held. */
    private void checkHeld(int slot, int step) {
        checkSlot(slot);
        checkUsable();
        if (held[slot] != step) {
            throw new IllegalStateException("disk slot " + slot + " of rank " + metadata.rank() + " holds "
                    + (held[slot] < 0 ? "nothing" : "step " + held[slot]) + ", not step " + step);
        }
    }

    private void checkSlot(int slot) {
        if (slot < 0 || slot >= held.length) {
            throw new IllegalArgumentException("disk slot " + slot + " does not exist (capacity " + held.length + ")");
        }
    }

    private static void unpack(SnapshotBuffer buffer, Snapshottable target) {
        double[][] values = buffer.values;
        for (int f = 0; f < values.length; f++) {
            target.unpack(f, values[f]);
        }
    }

    private Path fileOf(int slot, int step) {
        return directory.snapshotFile(slot, step);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }

    private SnapshotBuffer[] allocateBuffers(SnapshotLayout layout, int count) {
        try {
            SnapshotBuffer[] pool = new SnapshotBuffer[count];
            for (int i = 0; i < count; i++) {
                pool[i] = new SnapshotBuffer(layout);
            }
            return pool;
        } catch (OutOfMemoryError e) {
            throw new OutOfMemoryError("disk tier of rank " + metadata.rank() + ": " + count + " buffers of "
                    + layout.bytes() + " bytes do not fit in the heap (-Xmx); use a smaller queue depth");
        }
    }

    /**
     * Options of a {@link Hdf5SnapshotStore}. Required: {@link #directory}, {@link #layout},
     * {@link #capacity} and {@link #runIdentity}.
     */
    public static final class Builder {

        private Path directory;
        private SnapshotLayout layout;
        private int rank;
        private int capacity;
        private String runIdentity;
        private GridBlock gridBlock;
        private int deflateLevel;
        private int queueDepth = 2;
        private boolean resume;
        private StoreDirectory.FreeSpaceProbe freeSpace = d -> Files.getFileStore(d).getUsableSpace();

        private Builder() {
        }

        /**
         * The run directory (created if missing); this rank's files go into its subdirectory
         * {@code rank-NNNNN}. On a cluster, node-local scratch.
         *
         * @param directory the run directory, shared by the ranks of one run
         * @return this builder
         * @throws NullPointerException if {@code directory} is {@code null}
         */
        public Builder directory(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * The fields of every snapshot.
         *
         * @param layout the layout; each field name becomes the name of a dataset
         * @return this builder
         * @throws NullPointerException if {@code layout} is {@code null}
         */
        public Builder layout(SnapshotLayout layout) {
            this.layout = Objects.requireNonNull(layout, "layout");
            return this;
        }

        /**
         * The rank whose snapshots the store holds; default 0.
         *
         * @param rank the rank, at least 0; recorded in every file and in the directory's name
         * @return this builder
         * @throws IllegalArgumentException if {@code rank < 0}
         */
        public Builder rank(int rank) {
            if (rank < 0) {
                throw new IllegalArgumentException("rank must be >= 0, was " + rank);
            }
            this.rank = rank;
            return this;
        }

        /**
         * Number of slots, at least 1.
         *
         * @param capacity the number of slots; {@link #build()} checks that the disk has room for a
         *                 snapshot in every free one
         * @return this builder
         * @throws IllegalArgumentException if {@code capacity < 1}
         */
        public Builder capacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
            }
            this.capacity = capacity;
            return this;
        }

        /**
         * The identity of the run, computed by the caller (a hash of the configuration and the rank
         * layout, for instance): printable ASCII, at most 1024 characters. Recorded in every file; a
         * store resumes only a directory of the same identity.
         *
         * @param runIdentity the identity, 1 to 1024 printable ASCII characters, not blank
         * @return this builder
         * @throws NullPointerException     if {@code runIdentity} is {@code null}
         * @throws IllegalArgumentException if it is blank, too long or not printable ASCII
         */
        public Builder runIdentity(String runIdentity) {
            Objects.requireNonNull(runIdentity, "runIdentity");
            if (runIdentity.isBlank() || runIdentity.length() > MAX_IDENTITY_LENGTH || !printableAscii(runIdentity)) {
                throw new IllegalArgumentException("runIdentity must be 1 to " + MAX_IDENTITY_LENGTH
                        + " printable ASCII characters, was '" + runIdentity + "'");
            }
            this.runIdentity = runIdentity;
            return this;
        }

        /**
         * Where the rank's block lies in the global grid, recorded in every file; default: not recorded.
         *
         * @param gridBlock the block of this rank
         * @return this builder
         * @throws NullPointerException if {@code gridBlock} is {@code null}
         */
        public Builder gridBlock(GridBlock gridBlock) {
            this.gridBlock = Objects.requireNonNull(gridBlock, "gridBlock");
            return this;
        }

        /**
         * Lossless compression: 0 (default) writes contiguous, uncompressed datasets; 1 to 9 write
         * chunked datasets with the shuffle filter and deflate at that level. Compression is many
         * times slower than the disk for noisy data; see docs/file-formats.md for measurements.
         *
         * @param deflateLevel the deflate level, 0 to 9
         * @return this builder
         * @throws IllegalArgumentException if {@code deflateLevel} is outside 0 to 9
         */
        public Builder compression(int deflateLevel) {
            if (deflateLevel < 0 || deflateLevel > 9) {
                throw new IllegalArgumentException("deflateLevel must be in 0..9, was " + deflateLevel);
            }
            this.deflateLevel = deflateLevel;
            return this;
        }

        /**
         * Number of pooled buffers for writes and read-aheads, at least 1; default 2. The store
         * allocates one more for restores, so it holds (queueDepth + 1) snapshots in memory.
         *
         * @param queueDepth the number of pooled buffers
         * @return this builder
         * @throws IllegalArgumentException if {@code queueDepth < 1}
         */
        public Builder queueDepth(int queueDepth) {
            if (queueDepth < 1) {
                throw new IllegalArgumentException("queueDepth must be >= 1, was " + queueDepth);
            }
            this.queueDepth = queueDepth;
            return this;
        }

        /**
         * Whether to continue the store of an interrupted run in the directory (default false). With
         * true, a directory of the same run identity and format version is adopted: its durable
         * snapshots are held and its temporary files removed; an empty directory starts a new store.
         * With false, a directory that already holds a store is refused.
         *
         * @param resume whether to adopt the snapshots of an interrupted run
         * @return this builder
         */
        public Builder resume(boolean resume) {
            this.resume = resume;
            return this;
        }

        /** Replaces the free-space query of the directory's file system. */
        Builder freeSpaceProbe(StoreDirectory.FreeSpaceProbe probe) {
            this.freeSpace = Objects.requireNonNull(probe, "probe");
            return this;
        }

        /**
         * Opens the store: creates the directory, checks that it is writable and has room for
         * {@code capacity} snapshots, reads (resume) or writes the manifest, allocates the buffers
         * and starts the I/O thread.
         *
         * @return the open store, holding the snapshots found when resuming and none otherwise
         * @throws IllegalArgumentException if a required option is missing or a field name cannot be a dataset name
         * @throws UncheckedIOException     if the directory cannot be created or written, or lacks room
         *                                  (the message names the directory, the bytes needed and available)
         * @throws IllegalStateException    if the directory holds a store that this one may not adopt
         */
        public Hdf5SnapshotStore build() {
            if (directory == null || layout == null || capacity == 0 || runIdentity == null) {
                throw new IllegalArgumentException("a disk store needs a directory, a layout, a capacity and a run "
                        + "identity; missing:" + (directory == null ? " directory" : "") + (layout == null ? " layout" : "")
                        + (capacity == 0 ? " capacity" : "") + (runIdentity == null ? " runIdentity" : ""));
            }
            for (SnapshotField f : layout.fields()) {
                String name = f.name();
                if (!printableAscii(name) || name.contains("/") || name.equals(".") || name.equals("..")
                        || (name.startsWith("__") && name.endsWith("__"))) {
                    throw new IllegalArgumentException("field name '" + name + "' cannot name an HDF5 dataset: use "
                            + "printable ASCII without '/', and not of the form __name__ (reserved by JHDF5)");
                }
            }
            return new Hdf5SnapshotStore(this);
        }

        private static boolean printableAscii(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 || c > 0x7e) {
                    return false;
                }
            }
            return true;
        }
    }
}
