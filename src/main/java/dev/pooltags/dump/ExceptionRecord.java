package dev.pooltags.dump;

import java.util.List;

/**
 * The exception record a dump header holds (at the bug check, usually the breakpoint KeBugCheckEx raises).
 *
 * @param code       the exception code (NTSTATUS)
 * @param flags      exception flags
 * @param address    where it was raised
 * @param parameters its parameters (at most 15)
 */
public record ExceptionRecord(long code, long flags, long address, List<Long> parameters) {}
