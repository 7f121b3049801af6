package org.adjoint4j.adjoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * One rank's journal of a gradient computation: what the driver needs to continue after its process
 * was killed. Two generations are kept ({@code journal-rank-RRRRR-a.bin} and {@code -b.bin}), written
 * alternately, so that the ranks of a job can fall back to one they all finished writing.
 *
 * <p>Each file is written to a temporary name, forced to disk, renamed atomically and its directory
 * forced; it ends with a CRC-32C of everything before it. Format version {@value #FORMAT_VERSION},
 * big-endian: magic {@code A4JJ}, version, identity (length and UTF-8 bytes), rank, ranks,
 * actions done, steps reached, steps checked, turned, J so far, forward evaluations, adjoint steps,
 * then the arrays (live state, λ, control-gradient fields and scalars, final state if turned), each
 * as a count followed by length-prefixed {@code double} arrays, and the checksum.
 */
final class RunJournal {

    /** Version of the file format; a journal of another version is refused. */
    static final int FORMAT_VERSION = 1;

    private static final int MAGIC = 0x41344a4a; // "A4JJ"
    private static final int BUFFER_BYTES = 1 << 20;

    private final Path directory;
    private final int rank;
    private final int ranks;
    private final String identity;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.BIG_ENDIAN);
    private final CRC32C crc = new CRC32C();
    private int nextGeneration;

    /**
     * @param directory where the journal files go (created if missing)
     * @param identity  the run's identity: a hash of its configuration and rank layout
     */
    RunJournal(Path directory, int rank, int ranks, String identity) {
        this.directory = directory;
        this.rank = rank;
        this.ranks = ranks;
        this.identity = identity;
    }

    /** What the driver had done and held at a durable point. */
    record State(long actionsDone, int reached, int checkedThrough, boolean turned, double localValue,
                 long forwardEvaluations, long adjointSteps, double[][] live, double[][] lambda,
                 double[][] gradientFields, double[] gradientScalars, double[][] finalState) {
    }

    Path file(char generation) {
        return directory.resolve(String.format("journal-rank-%05d-%c.bin", rank, generation));
    }

    /** Writes a durable point; the older generation is replaced. */
    void write(long actionsDone, int reached, int checkedThrough, boolean turned, double localValue,
               long forwardEvaluations, long adjointSteps, Fields live, Fields lambda, Controls gradient, Fields finalState) {
        char generation = nextGeneration == 0 ? 'a' : 'b';
        Path target = file(generation);
        Path temporary = directory.resolve(target.getFileName() + ".tmp");
        try {
            Files.createDirectories(directory);
            try (FileChannel ch = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                crc.reset();
                buffer.clear();
                buffer.putInt(MAGIC).putInt(FORMAT_VERSION);
                byte[] id = identity.getBytes(StandardCharsets.UTF_8);
                buffer.putInt(id.length).put(id);
                buffer.putInt(rank).putInt(ranks).putLong(actionsDone).putInt(reached).putInt(checkedThrough)
                        .put((byte) (turned ? 1 : 0)).putDouble(localValue).putLong(forwardEvaluations).putLong(adjointSteps);
                putFields(ch, live);
                putFields(ch, lambda);
                putFields(ch, gradient.fields());
                putArray(ch, gradient.scalars());
                if (turned) {
                    putFields(ch, finalState);
                }
                drain(ch);
                buffer.putInt((int) crc.getValue());
                buffer.flip();
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            move(temporary, target);
            try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
                dir.force(true);
            }
            nextGeneration = 1 - nextGeneration;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run journal " + target + ": " + e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + to.getParent() + " cannot rename atomically", e);
        }
    }

    private void putFields(FileChannel ch, Fields f) throws IOException {
        ensure(ch, 4);
        buffer.putInt(f.layout().size());
        for (int k = 0; k < f.layout().size(); k++) {
            putArray(ch, f.get(k));
        }
    }

    private void putArray(FileChannel ch, double[] a) throws IOException {
        ensure(ch, 4);
        buffer.putInt(a.length);
        int k = 0;
        while (k < a.length) {
            ensure(ch, Double.BYTES);
            int n = Math.min(a.length - k, buffer.remaining() / Double.BYTES);
            buffer.asDoubleBuffer().put(a, k, n);
            buffer.position(buffer.position() + n * Double.BYTES);
            k += n;
        }
    }

    private void ensure(FileChannel ch, int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            drain(ch);
        }
    }

    /** Writes the buffer's content, folding it into the checksum. */
    private void drain(FileChannel ch) throws IOException {
        buffer.flip();
        ByteBuffer view = buffer.duplicate();
        crc.update(view);
        while (buffer.hasRemaining()) {
            ch.write(buffer);
        }
        buffer.clear();
    }

    /**
     * The actions done by the readable generations, {@code -1} where a generation is missing. A
     * generation that exists but is damaged counts as missing.
     *
     * @throws IllegalStateException naming the file if a journal belongs to another run, rank layout or
     *         format version
     */
    long[] generations() {
        return new long[] {actionsDone(file('a')), actionsDone(file('b'))};
    }

    private long actionsDone(Path file) {
        State s = read(file);
        return s == null ? -1 : s.actionsDone();
    }

    /** The generation that recorded {@code actionsDone} actions; makes the other one the next to overwrite. */
    State read(long actionsDone) {
        for (char g : new char[] {'a', 'b'}) {
            State s = read(file(g));
            if (s != null && s.actionsDone() == actionsDone) {
                nextGeneration = g == 'a' ? 1 : 0;
                return s;
            }
        }
        throw new IllegalStateException("no journal generation of rank " + rank + " in " + directory
                + " recorded " + actionsDone + " actions");
    }

    /** Deletes both generations (the computation completed). */
    void delete() {
        try {
            Files.deleteIfExists(file('a'));
            Files.deleteIfExists(file('b'));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the run journal in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The state in {@code file}, or null if the file is missing or damaged (bad checksum, truncated). */
    private State read(Path file) {
        ByteBuffer b;
        try {
            byte[] bytes = Files.readAllBytes(file);
            b = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run journal " + file + ": " + e.getMessage(), e);
        }
        if (b.remaining() < 12) {
            return null;
        }
        CRC32C check = new CRC32C();
        check.update(b.array(), 0, b.limit() - 4);
        if ((int) check.getValue() != b.getInt(b.limit() - 4)) {
            return null;
        }
        if (b.getInt() != MAGIC) {
            throw new IllegalStateException(file + " is not an adjoint4j run journal");
        }
        int version = b.getInt();
        if (version != FORMAT_VERSION) {
            throw new IllegalStateException("run journal " + file + " has format version " + version
                    + "; this adjoint4j reads version " + FORMAT_VERSION + ": resume it with the version that wrote it,"
                    + " or start the run again without resuming");
        }
        byte[] id = new byte[b.getInt()];
        b.get(id);
        String fileIdentity = new String(id, StandardCharsets.UTF_8);
        int fileRank = b.getInt();
        int fileRanks = b.getInt();
        if (fileRanks != ranks || fileRank != rank) {
            throw new IllegalStateException("run journal " + file + " was written by rank " + fileRank + " of " + fileRanks
                    + ", not rank " + rank + " of " + ranks + ": resume with the rank count of the interrupted run");
        }
        if (!fileIdentity.equals(identity)) {
            throw new IllegalStateException("run journal " + file + " belongs to another run (identity " + fileIdentity
                    + ", this run " + identity + "): the configuration or the rank layout changed; resume with the"
                    + " original settings or choose another run directory");
        }
        long actions = b.getLong();
        int reached = b.getInt();
        int checked = b.getInt();
        boolean turned = b.get() != 0;
        double value = b.getDouble();
        long forward = b.getLong();
        long adjoint = b.getLong();
        double[][] live = getFields(b);
        double[][] lambda = getFields(b);
        double[][] gradientFields = getFields(b);
        double[] scalars = getArray(b);
        double[][] finalState = turned ? getFields(b) : null;
        return new State(actions, reached, checked, turned, value, forward, adjoint, live, lambda, gradientFields, scalars,
                finalState);
    }

    private static double[][] getFields(ByteBuffer b) {
        double[][] fields = new double[b.getInt()][];
        for (int k = 0; k < fields.length; k++) {
            fields[k] = getArray(b);
        }
        return fields;
    }

    private static double[] getArray(ByteBuffer b) {
        double[] a = new double[b.getInt()];
        b.asDoubleBuffer().get(a);
        b.position(b.position() + a.length * Double.BYTES);
        return a;
    }
}
