package io.github.rsevolve.core.sql;

/** A -- line or nested block comment, with its character offset in the file. */
public record Comment(String text, int offset) {
}
