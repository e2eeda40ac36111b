package io.github.rsevolve.core.finding;

import java.util.Locale;

/** How serious a finding is; ordered from most to least serious. */
public enum Severity {
    ERROR, WARNING, INFO;

    public boolean isAtLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
