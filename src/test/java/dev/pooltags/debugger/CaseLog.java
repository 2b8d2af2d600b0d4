package dev.pooltags.debugger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A support engineer's session log assembled from the public samples in ../shared/data/tool-output, with the noise a
 * real log carries: the debugger's banner and symbol errors, other commands, {@code 0: kd>} and {@code kd>} prompts, and
 * the !poolused, !poolfind, !pool and !verifier outputs of real cases between them. Built at test time (the samples
 * may not be copied into the repository). The lm listing is written here in lm's format, for the module the real
 * stack in the same public blog post names (amdacpbus2), with made-up addresses and time stamp.
 */
final class CaseLog {
    private CaseLog() {}

    /** The log's lines. */
    static List<String> lines() throws IOException {
        Map<String, SampleSections.Section> docs = SampleSections.msdocs();
        List<String> l = new ArrayList<>();
        l.add("Opened log file 'c:\\cases\\4711\\session.log'");
        l.add("Microsoft (R) Windows Debugger Version 10.0.26100.1 AMD64");
        l.add("Loading Dump File [C:\\cases\\4711\\MEMORY.DMP]");
        l.add("Kernel Bitmap Dump File: Kernel address space is available, User address space may not be available.");
        l.add("Symbol search path is: srv*");
        l.add("*** ERROR: Symbol file could not be found.  Defaulted to export symbols for amdacpbus2.sys - ");
        l.add("Debug session time: Thu Nov 14 09:12:41.118 2024 (UTC + 8:00)");
        l.add("System Uptime: 0 days 14:02:17.953");
        l.add("Loading Kernel Symbols");
        l.add("...............................................................");
        l.add("0: kd> !poolused 2");
        l.addAll(SampleSections.real(13).own().subList(1, SampleSections.real(13).own().size()));
        l.add("0: kd> .time");
        l.add("Debug session time: Thu Nov 14 09:20:03.502 2024 (UTC + 8:00)");
        l.add("System Uptime: 0 days 14:09:40.337");
        l.add("0: kd> !poolfind amda -nonpaged");
        l.addAll(SampleSections.real(14).own().subList(1, SampleSections.real(14).own().size()));
        l.add("kd> !pool 85246430");
        l.addAll(SampleSections.real(4).own().subList(1, SampleSections.real(4).own().size()));
        l.add("0: kd> lmvm amdacpbus2");
        l.add("Browse full module list");
        l.add("start             end                 module name");
        l.add("fffff804`0ff90000 fffff804`10012000   amdacpbus2   (export symbols)       amdacpbus2.sys");
        l.add("    Loaded symbol image file: amdacpbus2.sys");
        l.add("    Image path: \\SystemRoot\\System32\\drivers\\amdacpbus2.sys");
        l.add("    Image name: amdacpbus2.sys");
        l.add("    Timestamp:        Wed Aug 28 10:41:05 2024 (66CE8E61)");
        l.add("    CheckSum:         0008A1F2");
        l.add("    ImageSize:        00082000");
        l.add("0: kd> bp nt!ExAllocatePool2 \".if(@r8 == 0x61646d61) {} .else {gc}\"");
        l.add("0: kd> g");
        l.add("Breakpoint 0 hit");
        l.add("nt!ExAllocatePool2:");
        l.add("fffff804`73a17d40 4c8bdc          mov     r11,rsp");
        l.add("8: kd> k");
        l.add(" # Child-SP          RetAddr               Call Site");
        l.add("00 ffffd68d`7952edb8 fffff804`0591d831     nt!ExAllocatePool2 [minkernel\\ntos\\ex\\pool.c @ 4255]");
        l.add("01 (Inline Function) --------`--------     Wdf01000!MxMemory::MxAllocatePool2+0x10");
        l.add("02 ffffd68d`7952edc0 fffff804`0591e433     Wdf01000!FxPoolAllocator+0x81");
        l.add("03 ffffd68d`7952ee30 fffff804`05932273     Wdf01000!FxObjectHandleAlloc2+0x157");
        l.add("04 ffffd68d`7952eed0 fffff804`05932083     Wdf01000!FxWorkItem::_Create+0x43");
        l.add("05 ffffd68d`7952ef20 fffff804`0ffb5254     Wdf01000!imp_WdfWorkItemCreate+0xd3");
        l.add("06 ffffd68d`7952efb0 fffff804`0ffa4568     amdacpbus2!AcpWorkItemCreate+0xd0");
        l.add("07 ffffd68d`7952f030 fffff804`0595dc88     amdacpbus2!AcpDspSwInterruptDpc+0x13c");
        l.add("08 ffffd68d`7952f090 fffff804`73a8248e     Wdf01000!FxDpc::FxDpcThunk+0x88");
        l.add("09 ffffd68d`7952f0e0 fffff804`73af9a5b     nt!KiExecuteAllDpcs+0x67e");
        l.add("8: kd> bc *");
        l.add("0: kd> !verifier 3 Mydriver.sys");
        List<String> v = docs.get("windows-driver-docs-pr/devtest/debugging-memory-leaks---driver-verifier-detected-violation--c4---0x62.md #1").own();
        l.addAll(v.subList(1, v.size()));
        l.add("0: kd> !verifier 0x80 0x982a8fe0");
        List<String> h = docs.get("windows-driver-docs-pr/devtest/debugging-memory-leaks---driver-verifier-detected-violation--c4---0x62.md #3").own();
        l.addAll(h.subList(1, 24));
        l.add("0: kd> .logclose");
        l.add("Closing open log file c:\\cases\\4711\\session.log");
        return l;
    }

    /** Writes the log with CR LF endings, as WinDbg on Windows does. */
    static Path write(Path dir) throws IOException {
        Path p = dir.resolve("session.log");
        Files.writeString(p, String.join("\r\n", lines()) + "\r\n", StandardCharsets.UTF_8);
        return p;
    }
}
