package io.github.rsevolve.core.db;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * A run stopped by SIGINT or SIGTERM (Ctrl-C, a CI job cancelled): the JVM's shutdown hooks drop the throwaway
 * databases while the build's own thread still runs and fails on the connections they end. What it fails with then
 * is not a finding of the user's SQL, so one line says what happened, and no finding, report or stack trace follows.
 */
public final class Interruption {

    private static volatile boolean underway;

    private Interruption() {
    }

    /** Called by the shutdown hook that has throwaway databases to drop, before it drops them. */
    static synchronized void begin() {
        if (underway) {
            return;
        }
        underway = true;
        System.err.println("[redshift] Interrupted: the throwaway databases are dropped; nothing is reported after "
                + "this line.");
        System.err.flush();
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(silent);
        System.setErr(silent);
    }

    /** Whether the JVM is stopping a run: what fails now is the interruption, not the project. */
    public static boolean underway() {
        return underway;
    }
}
