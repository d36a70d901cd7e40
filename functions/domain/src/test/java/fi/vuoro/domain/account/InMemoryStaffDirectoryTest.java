package fi.vuoro.domain.account;

/** The in-memory directory the domain's tests use behaves as the real ones. */
class InMemoryStaffDirectoryTest extends StaffDirectoryContract {

    @Override
    protected StaffDirectory directory() {
        return new InMemoryStaffDirectory();
    }
}
