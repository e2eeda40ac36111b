package io.github.rsevolve.core.finding;

/**
 * One problem found in the user's SQL, located like a compiler message.
 *
 * @param file    path relative to the project base dir
 * @param message what happened, why (the Redshift behaviour) and how to fix it
 */
public record Finding(String ruleId, String rule, Severity severity, String file, int line, int column,
                      String message) implements Comparable<Finding> {

    @Override
    public int compareTo(Finding other) {
        int byFile = file.compareTo(other.file);
        if (byFile != 0) {
            return byFile;
        }
        int byLine = Integer.compare(line, other.line);
        if (byLine != 0) {
            return byLine;
        }
        int byColumn = Integer.compare(column, other.column);
        return byColumn != 0 ? byColumn : rule.compareTo(other.rule);
    }

    /** {@code file:line:col: severity [rule] message}, as compilers print. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + severity.label() + " [" + rule + "] " + message;
    }
}
