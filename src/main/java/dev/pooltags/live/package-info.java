/**
 * The live sampling loop that {@code top}, {@code serve} and {@code record} share: the next sample from the source
 * being watched, fed to the live leak window ({@link dev.pooltags.leak.LiveLeaks}) when there is one. It sits between
 * the sources and the reports: it may use {@code snapshot} and {@code leak}, and no report, server or command.
 */
package dev.pooltags.live;
