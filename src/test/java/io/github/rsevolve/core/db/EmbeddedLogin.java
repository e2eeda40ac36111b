package io.github.rsevolve.core.db;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The embedded server's password for tests that connect to it as an environment or an external server, also from
 * a child process, which gets it in its environment rather than on its command line.
 */
public final class EmbeddedLogin {

    private static final String HANDED_OVER = "RSE_TEST_EMBEDDED_PASSWORD";

    private EmbeddedLogin() {
    }

    /** The password of this JVM's embedded server, or in a child process the one its parent handed over. */
    public static String password() {
        String handedOver = System.getenv(HANDED_OVER);
        if (handedOver != null) {
            return handedOver;
        }
        try {
            return EmbeddedServer.shared().password();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A child process that may log in to this JVM's embedded server. */
    public static ProcessBuilder handOver(ProcessBuilder child) {
        child.environment().put(HANDED_OVER, password());
        return child;
    }
}
