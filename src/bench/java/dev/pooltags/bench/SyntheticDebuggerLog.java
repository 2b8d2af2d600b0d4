package dev.pooltags.bench;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A large debugger log for the benchmark, in the layouts of the real samples: a {@code !poolused 2} of many tags
 * (current layout), a {@code !poolfind} with many hits in both layouts (the leak of the public AcpWdfWorkItem case had
 * 5.7 million blocks of one tag), {@code !pool} pages, a {@code !verifier 3} listing and an {@code lm} listing, with
 * symbol noise between them. Deterministic for a seed.
 */
public final class SyntheticDebuggerLog {
    private SyntheticDebuggerLog() {}

    /** The log's bytes, CR LF endings. */
    public static byte[] generate(int tags, int hits, int tracked, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder(Math.max(1 << 16, (tags + hits + tracked) * 72));
        sb.append("Microsoft (R) Windows Debugger Version 10.0.26100.1 AMD64\r\n");
        sb.append("Debug session time: Thu Nov 14 09:12:41.118 2024 (UTC + 8:00)\r\n");
        sb.append("0: kd> !poolused 2\r\n....................\r\n Sorting by NonPaged Pool Consumed\r\n\r\n");
        sb.append("               NonPaged                  Paged\r\n Tag     Allocs         Used     Allocs         Used\r\n\r\n");
        for (int i = 0; i < tags; i++) {
            String tag = tag(i);
            long a = r.nextLong(1, 6_000_000);
            sb.append(String.format(Locale.ROOT, " %s %9d %12d %10d %12d\t%s\r\n", tag, a, a * (16 + r.nextInt(4000)), r.nextInt(5000),
                    r.nextInt(5_000_000), i % 3 == 0 ? "UNKNOWN pooltag '" + tag + "', please update pooltag.txt" : "Driver data , Binary: drv" + i + ".sys"));
            if (i % 500 == 250) {
                sb.append("*** ERROR: Symbol file could not be found.  Defaulted to export symbols for drv").append(i).append(".sys - \r\n");
            }
        }
        sb.append("0: kd> !poolfind amda -nonpaged\r\n\r\nScanning large pool allocation table for tag 0x61646d61 (amda) "
                + "(ffffda0fe5b10000 : ffffda0fe5f10000)\r\n\r\n");
        long base = 0xffffda0000000000L;
        for (int i = 0; i < hits / 100; i++) {
            sb.append(String.format(Locale.ROOT, "%016x : tag amda, size %#10x, Nonpaged pool\r\n", base + 0x0ff0000000L + i * 0x2000L, 0x18f0));
        }
        sb.append("\r\nSearching nonpaged pool (ffffda0000000000 : ffffea0000000000) for tag 0x61646d61 (amda)\r\n\r\n");
        long a = base + 0xa9b6d30L;
        for (int i = 0; i < hits / 2; i++) {
            a += 0x150 + (r.nextInt(4) == 0 ? 0x1000 : 0);
            sb.append(String.format(Locale.ROOT, "%016x : tag amda, size %#9x, Nonpaged pool\r\n", a, 0x140));
        }
        sb.append("...terminating - searched pool to ffffda000fb7df50\r\n");
        sb.append("kd> !poolfind SeSd 0\r\n\r\nSearching NonPaged pool (823b1000 : 82800000) for Tag: SeSd\r\n\r\n");
        long b = 0x823b1000L;
        for (int i = 0; i < hits / 2; i++) {
            b += 0xa0;
            sb.append(String.format(Locale.ROOT, "%08x size:   a0 previous size:   %2x  (%s) SeSd\r\n", b, 0x10 * (1 + r.nextInt(9)),
                    r.nextInt(10) == 0 ? "Free)     " : "Allocated)"));
        }
        for (int p = 0; p < 20; p++) {
            long page = 0x85246000L + p * 0x1000L;
            sb.append(String.format(Locale.ROOT, "kd> !pool %x\r\nPool page %x region is Nonpaged pool\r\n", page + 0x430, page + 0x430));
            long at = page;
            long prev = 0;
            for (int k = 0; k < 30; k++) {
                long size = 0x10 * (2 + r.nextInt(20));
                char m = at <= page + 0x430 && at + size > page + 0x430 ? '*' : ' ';
                sb.append(String.format(Locale.ROOT, "%c%08x size: %4x previous size: %4x  (Allocated) %c%s\r\n", m, at, size, prev, m, tag(k)));
                prev = size;
                at += size;
            }
        }
        sb.append("0: kd> !verifier 3 zzdrv.sys\r\n\r\nVerify Flags Level 0x000209bb\r\n\r\n  MODULE: 0x84226b28 zzdrv.sys (Loaded)\r\n\r\n");
        sb.append(String.format(Locale.ROOT, "      Current Pool Allocations: ( 0x%08x / 0x00000000 )\r\n", tracked));
        sb.append("    Pool Allocations:\r\n\r\n      Address     Length      Tag   Caller    \r\n      ----------  ----------  ----  ----------\r\n");
        for (int i = 0; i < tracked; i++) {
            sb.append(String.format(Locale.ROOT, "      0x%08x  0x%08x  Zzq1  0x9a3bf6ac  zzdrv!Dispatch%d\r\n", 0x982a8fe0L + i * 0x1000L,
                    0x20 + r.nextInt(200), i % 7));
        }
        sb.append("\r\n0: kd> lm\r\nstart             end                 module name\r\n");
        for (int i = 0; i < 200; i++) {
            long s = 0xfffff80409000000L + i * 0x100000L;
            sb.append(String.format(Locale.ROOT, "%08x`%08x %08x`%08x   drv%-8d (deferred)\r\n", s >>> 32, s & 0xffffffffL, (s + 0x80000) >>> 32,
                    (s + 0x80000) & 0xffffffffL, i));
        }
        sb.append("0: kd> .logclose\r\n");
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String tag(int i) {
        char[] c = new char[4];
        int v = i;
        for (int k = 3; k >= 0; k--) {
            c[k] = (char) ('A' + v % 26);
            v /= 26;
        }
        return new String(c);
    }
}
