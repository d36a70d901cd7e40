package fi.vuoro.domain.account;

/** A staff account and its role at one site. */
public record SiteMember(String username, SiteRole role) {
}
