package io.github.rsevolve.core.finding;

/**
 * What any check that reports findings is, in one shape: lint's rules (from their annotation), validate's
 * database checks and the checks of a drafted changeset. The reports' rule lists and the generated docs are built from
 * it, so every id a report can contain is listed with its why and fix.
 *
 * @param id stable id, e.g. RS101 or RSV02; never reused
 * @param name kebab-case name, as reports and configuration write it
 */
public record CheckInfo(String id, String name, Severity severity, String summary, String why, String fix) {

    /** A finding of this check at its severity; the message ends with the check's why and fix. */
    public Finding finding(String file, int line, int column, String what) {
        return new Finding(id, name, severity, file, line, column, what + " Why: " + why + " Fix: " + fix);
    }
}
