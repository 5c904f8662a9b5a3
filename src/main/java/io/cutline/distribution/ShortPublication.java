package io.cutline.distribution;

/** One short of a job to publish on one platform; {@code key} is what its publishing route lets through once. */
public record ShortPublication(String jobId, String platform, int shortNumber) {

    public String key() {
        return jobId + "/" + platform + "/short-" + shortNumber;
    }
}
