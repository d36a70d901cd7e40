package fi.vuoro.domain.interpreter;

import fi.vuoro.domain.estimate.ServiceHistory;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.testing.QueueWorld;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The queue's world with interpreter matching hooked in, on in-memory stores. */
public final class InterpreterWorld {

    public final QueueWorld queue;
    public final InMemoryInterpreters interpreters;
    public final InterpreterService service;
    public final InterpreterDesk desk;

    public InterpreterWorld(Instant start, Site... sites) {
        queue = new QueueWorld(start);
        for (Site site : sites) {
            queue.site(site);
        }
        interpreters = new InMemoryInterpreters(queue.queue);
        service = new InterpreterService(queue.directory, queue.queue, interpreters, interpreters,
                new InterpreterSms(QueueWorld.CATALOGUE), siteId -> ServiceHistory.NONE, queue.clock);
        queue.listeners.add(new InterpreterQueueListener(service));
        queue.readiness.add(new InterpreterReadiness(service));
        queue.routings.add(new InterpreterRouting(interpreters, service, QueueWorld.CATALOGUE));
        queue.interpreterIds = hash -> interpreters.findByPhoneHash(hash).map(Interpreter::id);
        queue.start();
        desk = new InterpreterDesk(queue.directory, queue.queue, service, queue.clock, queue.audit);
    }

    /** An interpreter available at all hours, registered with their number. */
    public Interpreter add(String name, String phone, String writtenTo, Set<String> interprets, Site... serves) {
        Interpreter interpreter = new Interpreter(name.toLowerCase().replace(' ', '-'), name, queue.phones.hash(phone),
                queue.phones.encrypt(phone), writtenTo, interprets,
                java.util.Arrays.stream(serves).map(Site::id).collect(java.util.stream.Collectors.toSet()),
                OpeningHours.always(), Optional.empty(), true, Optional.empty(), Optional.empty(), 0);
        interpreters.create(interpreter);
        return interpreter;
    }

    public Interpreter get(String id) {
        return interpreters.find(id).orElseThrow();
    }

    public List<String> smsTo(String phone) {
        return queue.owedTo(phone);
    }
}
