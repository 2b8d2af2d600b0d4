package dev.pooltags.dump;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The loaded drivers of an x64 complete or kernel dump, read from kernel memory: the list that starts at the
 * header's PsLoadedModuleList, each entry a {@code KLDR_DATA_TABLE_ENTRY} (InLoadOrderLinks at 0, DllBase at 0x30,
 * SizeOfImage at 0x40, FullDllName at 0x48, BaseDllName at 0x58, TimeDateStamp at 0x80: the layout small dumps copy
 * into their driver list). The walk stops at the list head, at a page the dump does not hold, or after 4,096 entries,
 * and says why when it stops early.
 */
final class ModuleListWalk {
    static final int MAX_ENTRIES = 4096;

    private ModuleListWalk() {}

    /** The drivers found, and why the walk stopped early (null when it went round the whole list). */
    record Walk(List<Driver> drivers, String stoppedBecause) {}

    static Walk walk(DumpFile f, PhysicalMemory mem, long cr3, long head) {
        List<Driver> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        byte[] entry = new byte[0x88];
        ByteBuffer b = ByteBuffer.wrap(entry).order(ByteOrder.LITTLE_ENDIAN);
        byte[] link = new byte[8];
        if (!mem.read(cr3, head, link, 8)) {
            return new Walk(out, String.format("the loaded module list (PsLoadedModuleList 0x%X) is in a page the dump does not hold: the drivers are not listed", head));
        }
        long next = ByteBuffer.wrap(link).order(ByteOrder.LITTLE_ENDIAN).getLong();
        while (next != head) {
            if (out.size() >= MAX_ENTRIES || !seen.add(next)) {
                return new Walk(out, String.format("the loaded module list loops or runs past %,d entries: the walk stopped after %d drivers", MAX_ENTRIES, out.size()));
            }
            if (!mem.read(cr3, next, entry, entry.length)) {
                return new Walk(out, String.format("the loaded module list leads to 0x%X, in a page the dump does not hold: %d drivers were read before it", next, out.size()));
            }
            long base = b.getLong(0x30);
            long size = b.getInt(0x40) & 0xFFFFFFFFL;
            String path = string(mem, cr3, b, 0x48);
            String name = string(mem, cr3, b, 0x58);
            if (name == null || name.isEmpty()) {
                name = path == null ? String.format("<name at 0x%X unreadable>", b.getLong(0x60)) : DumpReader.fileName(path);
            }
            out.add(new Driver(name, path == null ? name : path, base, size, b.getInt(0x80) & 0xFFFFFFFFL, false));
            next = b.getLong(0);
        }
        return new Walk(out, null);
    }

    /** A UNICODE_STRING (Length u16, Buffer at +8) read through the page tables, or null. */
    private static String string(PhysicalMemory mem, long cr3, ByteBuffer b, int at) {
        int len = b.getShort(at) & 0xFFFF;
        long buffer = b.getLong(at + 8);
        if (len == 0 || len % 2 != 0 || len > 2 * DumpReader.MAX_NAME) {
            return null;
        }
        byte[] s = new byte[len];
        return mem.read(cr3, buffer, s, len) ? new String(s, StandardCharsets.UTF_16LE) : null;
    }
}
