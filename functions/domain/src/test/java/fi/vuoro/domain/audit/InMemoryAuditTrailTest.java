package fi.vuoro.domain.audit;

import fi.vuoro.domain.testing.InMemoryAuditTrail;

class InMemoryAuditTrailTest extends AuditTrailContract {

    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();

    @Override
    protected AuditTrail trail() {
        return trail;
    }
}
