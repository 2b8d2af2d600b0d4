package dev.pooltags.scan;

import dev.pooltags.pe.PeImage;
import dev.pooltags.pe.PeReader;
import dev.pooltags.source.InputException;
import dev.pooltags.tag.PoolTag;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Scans many files in parallel and returns the results in the order of the files, whatever order the threads finish
 * in. The files' bytes come from the reader the command passes ({@code PeReader::load}): each worker reads the file it
 * scans, so reading overlaps decoding, but the scan itself never opens a file. A file that cannot be read or parsed
 * becomes an {@link FileScan.Status#ERROR} result with the reason; it never stops the others.
 */
public final class DriverScan {
    private final int threads;
    private final List<PoolTag> searchBytes;
    private final boolean onlyUndecoded;

    /**
     * @param threads       worker threads (at least 1)
     * @param searchBytes   tags to look for as plain bytes (empty for none)
     * @param onlyUndecoded search the bytes only of files whose code is not decoded (the fallback for them),
     *                      rather than of every file
     */
    public DriverScan(int threads, List<PoolTag> searchBytes, boolean onlyUndecoded) {
        this.threads = Math.max(1, threads);
        this.searchBytes = List.copyOf(searchBytes);
        this.onlyUndecoded = onlyUndecoded;
    }

    /**
     * Scans the files, each read by {@code read} (which throws {@link InputException} for a file it cannot read);
     * {@code progress} receives the count of files done (from the worker threads).
     */
    public List<FileScan> run(List<DriverFiles.Target> files, Function<Path, ByteBuffer> read, IntConsumer progress) {
        ByteSearch search = searchBytes.isEmpty() ? null : new ByteSearch(searchBytes);
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, files.size())), r -> {
            Thread t = new Thread(r, "pooltags-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<FileScan>> futures = new ArrayList<>(files.size());
            for (DriverFiles.Target f : files) {
                futures.add(pool.submit(() -> {
                    FileScan r = scanOne(f, read, search, onlyUndecoded);
                    progress.accept(done.incrementAndGet());
                    return r;
                }));
            }
            List<FileScan> out = new ArrayList<>(files.size());
            for (Future<FileScan> fu : futures) {
                out.add(fu.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Scans one file: read (by {@code read}), parse, decode, byte search. */
    public static FileScan scanOne(DriverFiles.Target f, Function<Path, ByteBuffer> read, ByteSearch search,
            boolean onlyUndecoded) {
        String name = f.path().toString();
        ByteBuffer bytes;
        try {
            bytes = read.apply(f.path());
        } catch (InputException e) {
            return new FileScan(name, 0, FileScan.Status.ERROR, null, e.problem(), List.of());
        }
        long size = bytes.limit();
        List<ByteMatch> matches = search == null || onlyUndecoded ? List.of() : search.find(bytes);
        if (!PeReader.hasMzSignature(bytes)) {
            return new FileScan(name, size, FileScan.Status.NOT_PE, null, null, matches);
        }
        try {
            PeImage image = PeReader.parse(name, bytes);
            ImageScan scan = ImageScanner.scan(image);
            if (search != null && onlyUndecoded && !scan.decoded()) {
                matches = search.find(bytes);
            }
            return new FileScan(name, size, scan.decoded() ? FileScan.Status.SCANNED : FileScan.Status.UNDECODABLE, scan, null,
                    matches);
        } catch (InputException e) {
            return new FileScan(name, size, FileScan.Status.ERROR, null, e.problem(), matches);
        } catch (RuntimeException e) {
            // one file must not end a folder scan; the fuzz tests make sure this is never reached
            StackTraceElement[] at = e.getStackTrace();
            return new FileScan(name, size, FileScan.Status.FAILED, null, "internal error while decoding (" + e
                    + (at.length > 0 ? " at " + at[0] : "") + "); please report it with this file", matches);
        }
    }
}
