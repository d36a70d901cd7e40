package fi.vuoro.platform.snapstart;

import io.micronaut.crac.OrderedResource;
import java.util.List;
import org.crac.Context;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A function's SnapStart priming: before Lambda snapshots the initialised function (CRaC's beforeCheckpoint, run by
 * Micronaut CRaC for every such bean), the function's request paths run once, read-only, so a restored instance's
 * first request finds their classes loaded and run. The DynamoDB client reads a partition no item has first; its
 * connection is closed at the end, whatever happened. Nothing unique or secret may be made here: whatever exists at
 * the snapshot is shared by every restored instance.
 *
 * @param <T> what one rehearsed request answers, for tests to check
 */
public abstract class SnapshotPriming<T> implements OrderedResource {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotPriming.class);

    private final DynamoDbPriming dynamo;

    protected SnapshotPriming(DynamoDbPriming dynamo) {
        this.dynamo = dynamo;
    }

    /** The function's read-only request paths, run once; one answer per request rehearsed. */
    protected abstract List<T> rehearse();

    @Override
    public final void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            LOG.info("Priming rehearsed {} requests before the snapshot", prime().size());
        } catch (RuntimeException failure) {
            // A snapshot without priming still serves: its first requests are only slower.
            LOG.warn("Priming failed: {}", failure.getClass().getName(), failure);
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Priming keeps nothing that a restore would have to renew.
    }

    /** Runs the rehearsal between the DynamoDB client's warm-up read and the closing of its connection. */
    public final List<T> prime() {
        try {
            dynamo.readNothing();
            return rehearse();
        } finally {
            dynamo.releaseConnection();
        }
    }
}
