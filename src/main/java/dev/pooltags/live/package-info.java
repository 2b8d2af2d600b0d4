/**
 * The live sampling loop that {@code top}, {@code serve} and {@code record} share: the next sample from the source
 * being watched, fed to the live leak window ({@link dev.pooltags.leak.LiveLeaks}, whose {@link
 * dev.pooltags.leak.SampleWindow} is the one window of samples a live view keeps: {@code serve}'s charts read it too)
 * when there is one. It sits between
 * the sources and the reports: it may use {@code snapshot} and {@code leak}, and no report, server or command.
 */
package dev.pooltags.live;
