package io.github.rsevolve.maven;

/**
 * copy-data's {@code <s3Staging>}: between two Redshift clusters, rows move by UNLOAD and COPY through this S3
 * folder: {@code <s3Staging><location>s3://acme-copies/copy-data/</location>
 * <iamRole>arn:aws:iam::123456789012:role/redshift-copy</iamRole></s3Staging>}.
 */
public class S3StagingConfig {

    /** The s3:// folder each run writes under (from-to-to/time/schema.table/). */
    String location;
    /** The IAM role both clusters use, unless an environment names its own {@code <iamRole>}. */
    String iamRole;
    /** The bucket's region, when it is not the clusters' own. */
    String region;
}
