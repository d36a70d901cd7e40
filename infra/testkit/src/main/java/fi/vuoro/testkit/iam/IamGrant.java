package fi.vuoro.testkit.iam;

/**
 * One (action, resource) pair an {@code Allow} statement grants, either possibly with wildcards, and the
 * statement's source: the unit in which a role's permissions are found used or unused.
 */
public record IamGrant(String action, String resource, String source) {}
