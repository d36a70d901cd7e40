package fi.vuoro.domain.account;

/** Told of every change to a site's members once it is made, e.g. to record it in the site's audit trail. */
public interface AccountChangeListener {

    void accountChanged(AccountChange change);
}
