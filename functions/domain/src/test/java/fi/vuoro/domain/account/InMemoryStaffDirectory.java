package fi.vuoro.domain.account;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Staff accounts and their sites in memory, for the domain's tests; passes {@link StaffDirectoryContract}. */
public final class InMemoryStaffDirectory implements StaffDirectory {

    private final Map<String, String> emails = new HashMap<>();
    private final Map<String, Map<String, SiteRole>> roles = new HashMap<>();
    private int created;

    /** An account that exists before the test, e.g. made by a coordinator of another site. */
    public InMemoryStaffDirectory withAccount(String username, String siteId, SiteRole role) {
        emails.put(username, username + "@example.org");
        roles.computeIfAbsent(siteId, id -> new HashMap<>()).put(username, role);
        return this;
    }

    @Override
    public synchronized List<SiteMember> members(String siteId) {
        List<SiteMember> members = new ArrayList<>();
        roles.getOrDefault(siteId, Map.of()).forEach((username, role) -> members.add(new SiteMember(username, role)));
        return members;
    }

    @Override
    public synchronized Grant grant(String siteId, String username, SiteRole role, String emailForNewAccount) {
        boolean create = !emails.containsKey(username);
        if (create && emailForNewAccount == null) {
            return Grant.noAccount();
        }
        if (create) {
            emails.put(username, emailForNewAccount);
        }
        roles.computeIfAbsent(siteId, id -> new HashMap<>()).put(username, role);
        return create ? Grant.toNewAccount("initial-" + ++created) : Grant.toExistingAccount();
    }

    @Override
    public synchronized void revoke(String siteId, String username) {
        roles.getOrDefault(siteId, new HashMap<>()).remove(username);
    }

    public synchronized boolean hasAccount(String username) {
        return emails.containsKey(username);
    }
}
