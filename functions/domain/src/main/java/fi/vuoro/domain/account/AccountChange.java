package fi.vuoro.domain.account;

/**
 * One change a coordinator made to who works at a site: {@code role} is null when the member was removed,
 * {@code previousRole} null when they were not a member before.
 */
public record AccountChange(String siteId, String changedBy, String username, SiteRole previousRole, SiteRole role,
                            boolean accountCreated) {
}
