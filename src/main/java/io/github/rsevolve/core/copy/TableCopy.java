package io.github.rsevolve.core.copy;

/**
 * One table copied, with the proof that source and target hold the same rows.
 *
 * @param rows   rows written to the target
 * @param millis how long the copy took, without the proof
 * @param source the source's proof, with the same filter and masks
 * @param target the target's proof
 */
public record TableCopy(String table, long rows, long millis, Proof source, Proof target) {

    public boolean proven() {
        return source.equals(target);
    }

    public long rowsPerSecond() {
        return millis == 0 ? rows * 1000 : rows * 1000 / millis;
    }
}
