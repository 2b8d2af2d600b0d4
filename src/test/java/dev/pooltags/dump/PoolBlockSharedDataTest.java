package dev.pooltags.dump;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every pool block the scanner reports in the real small dumps, re-read from the file by this test's own small
 * parser (its own walk of the triage data block table, its own header decoding) and compared field by field; the
 * neighbour that confirms each block is checked the same way.
 */
class PoolBlockSharedDataTest {
    record Block(long va, long offset, long size) {}

    /** The data block table, read here with RandomAccessFile, independently of DumpReader. */
    static List<Block> dataBlocks(RandomAccessFile f) throws Exception {
        ByteBuffer t = read(f, 0x2000, 128);
        long off = t.getInt(120) & 0xFFFFFFFFL;
        long count = t.getInt(124) & 0xFFFFFFFFL;
        ByteBuffer table = read(f, off, (int) (count * 16));
        List<Block> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new Block(table.getLong(i * 16), table.getInt(i * 16 + 8) & 0xFFFFFFFFL, table.getInt(i * 16 + 12) & 0xFFFFFFFFL));
        }
        return out;
    }

    static ByteBuffer read(RandomAccessFile f, long off, int n) throws Exception {
        byte[] b = new byte[n];
        System.arraycopy(BYTES.get(f), (int) off, b, 0, n);
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The file's bytes, read once with RandomAccessFile (the dumps are about a megabyte). */
    static final java.util.Map<RandomAccessFile, byte[]> BYTES = new java.util.IdentityHashMap<>();

    static void load(RandomAccessFile f) throws Exception {
        byte[] all = new byte[(int) f.length()];
        f.readFully(all);
        BYTES.put(f, all);
    }

    /** The 16 header bytes at a virtual address, or null when no data block holds them. */
    static ByteBuffer header(RandomAccessFile f, List<Block> blocks, long va) throws Exception {
        for (Block b : blocks) {
            if (Long.compareUnsigned(va, b.va) >= 0 && Long.compareUnsigned(va + 16, b.va + b.size) <= 0) {
                return read(f, b.offset + (va - b.va), 16);
            }
        }
        return null;
    }

    static boolean headerLike(ByteBuffer h) {
        int type = h.get(3) & 0xFF;
        return h != null && (h.get(2) & 0xFF) != 0 && (type & 2) != 0 && PoolScanner.tagPlausible(h.getInt(4));
    }

    void check(Path p) throws Exception {
        DumpInspection in = DumpInspection.inspect(p);
        assertThat(in.pool().blocks()).isNotEmpty();
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "r")) {
            load(f);
            List<Block> blocks = dataBlocks(f);
            for (PoolHeader b : in.pool().blocks()) {
                ByteBuffer h = header(f, blocks, b.address());
                assertThat(h).as("header at 0x%X is in a data block", b.address()).isNotNull();
                assertThat(read(f, b.fileOffset(), 16)).isEqualTo(h);
                assertThat(h.get(0) & 0xFF).isEqualTo(b.previousSize() / 16);
                assertThat(h.get(1) & 0xFF).isEqualTo(b.poolIndex());
                assertThat((h.get(2) & 0xFF) * 16).isEqualTo(b.size());
                assertThat(h.get(3) & 0xFF).isEqualTo(b.poolTypeBits());
                assertThat(h.getInt(4)).isEqualTo(b.tag().value());
                long end = b.address() + b.size();
                switch (b.link()) {
                    case PAGE_END -> assertThat(end & 0xFFF).isZero();
                    case NEXT_HEADER -> assertThat(headerLike(header(f, blocks, end))).isTrue();
                    case VS_NEXT_HEADER -> assertThat(headerLike(header(f, blocks, end + 16))).isTrue();
                    case PREVIOUS_HEADER -> assertThat(in.pool().blocks().stream().anyMatch(prev ->
                            prev.address() + prev.size() == b.address() && prev.link() == PoolHeader.Link.NEXT_HEADER
                                    || prev.address() + prev.size() + 16 == b.address() && prev.link() == PoolHeader.Link.VS_NEXT_HEADER))
                            .as("a block ends at 0x%X", b.address()).isTrue();
                    case END_NOT_CAPTURED -> assertThat(header(f, blocks, end)).isNull();
                }
            }
        }
    }

    @Test
    void everyBlockOfTheX64DumpReReadFromTheFile() throws Exception {
        check(DumpSharedDataTest.X64);
    }

    @Test
    void everyBlockOfTheArm64DumpReReadFromTheFile() throws Exception {
        check(DumpSharedDataTest.ARM64);
    }
}
