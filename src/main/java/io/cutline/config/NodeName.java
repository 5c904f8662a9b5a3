package io.cutline.config;

/** This node's name in job leases and generation claims, shared by every node on one ledger. */
public record NodeName(String value) {
}
