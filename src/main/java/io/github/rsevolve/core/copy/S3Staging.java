package io.github.rsevolve.core.copy;

import static io.github.rsevolve.core.finding.RedshiftException.Code.COPY;

import io.github.rsevolve.core.finding.RedshiftException;

/**
 * Where copies between two Redshift clusters are staged: UNLOAD writes each table's rows under the location, COPY
 * reads them from there. Only IAM roles, never access keys: the SQL is shown in the log.
 *
 * @param location   an s3:// folder, e.g. s3://acme-redshift-copies/copy-data/
 * @param unloadRole the IAM role the source cluster unloads with (attached to that cluster, allowed to write)
 * @param copyRole   the IAM role the target cluster loads with (attached to that cluster, allowed to read)
 * @param region     the bucket's AWS region when it is not the clusters' own, or null
 */
public record S3Staging(String location, String unloadRole, String copyRole, String region) {

    public S3Staging {
        if (location == null || !location.startsWith("s3://") || location.length() <= "s3://".length()) {
            throw new RedshiftException(COPY, "The S3 staging location is '" + location
                    + "'; give an s3:// folder, e.g. "
                    + "<s3Staging><location>s3://my-bucket/copy-data/</location>.");
        }
        for (String role : new String[] {unloadRole, copyRole}) {
            if (role == null || !role.startsWith("arn:aws") && !role.equalsIgnoreCase("default")) {
                throw new RedshiftException(COPY, "The S3 staging IAM role is '" + role
                        + "'; give the ARN of a role attached "
                        + "to the cluster, e.g. <iamRole>arn:aws:iam::123456789012:role/redshift-copy</iamRole>.");
            }
        }
        location = location.endsWith("/") ? location : location + "/";
    }
}
