package fi.vuoro.domain.account;

import java.util.Locale;
import java.util.Optional;

/** What a member of a site may do there: run its queue, or also administer it. */
public enum SiteRole {
    STAFF,
    COORDINATOR;

    /** The role's name in the API: {@code staff} or {@code coordinator}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SiteRole> fromApiName(String name) {
        for (SiteRole role : values()) {
            if (role.apiName().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
