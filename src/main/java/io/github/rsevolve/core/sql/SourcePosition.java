package io.github.rsevolve.core.sql;

/** A 1-based line and column in a source file. */
public record SourcePosition(int line, int column) {

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
