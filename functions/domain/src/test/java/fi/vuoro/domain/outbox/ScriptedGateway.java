package fi.vuoro.domain.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A provider that answers sends as scripted (accepting when the script is empty) and remembers what it
 * accepted, so lookups answer truthfully; an ambiguous answer can still have been accepted.
 */
final class ScriptedGateway implements SmsGateway {

    record Send(SmsToSend sms, Instant at) {
    }

    record Lookup(String to, Instant since, Instant at) {
    }

    private final Clock clock;
    private final Deque<SendResult> script = new ArrayDeque<>();
    private final Deque<Boolean> ambiguousAccepts = new ArrayDeque<>();
    private final Deque<SentCheck> lookupScript = new ArrayDeque<>();
    private final List<Send> attempts = new ArrayList<>();
    private final List<Send> accepted = new ArrayList<>();
    private final List<Lookup> lookups = new ArrayList<>();
    private int nextSid = 1;

    ScriptedGateway(Clock clock) {
        this.clock = clock;
    }

    synchronized ScriptedGateway thenAnswer(SendResult result) {
        script.add(result);
        return this;
    }

    /** The next send times out; {@code reachedTwilio} says whether Twilio took it all the same. */
    synchronized ScriptedGateway thenTimeOut(boolean reachedTwilio) {
        script.add(new SendResult.Ambiguous("no answer within 5 s"));
        ambiguousAccepts.add(reachedTwilio);
        return this;
    }

    synchronized ScriptedGateway thenLookupFails() {
        lookupScript.add(new SentCheck.Unknown("HTTP 503"));
        return this;
    }

    @Override
    public synchronized SendResult send(SmsToSend sms) {
        Send send = new Send(sms, clock.instant());
        attempts.add(send);
        SendResult result = script.isEmpty() ? new SendResult.Accepted("SM" + nextSid++) : script.poll();
        boolean acceptedAnyway = result instanceof SendResult.Ambiguous && Boolean.TRUE.equals(ambiguousAccepts.poll());
        if (result instanceof SendResult.Accepted || acceptedAnyway) {
            accepted.add(send);
        }
        return result;
    }

    @Override
    public synchronized SentCheck findSent(String to, String from, String body, Instant since) {
        lookups.add(new Lookup(to, since, clock.instant()));
        if (!lookupScript.isEmpty()) {
            return lookupScript.poll();
        }
        Optional<Send> match = accepted.stream().filter(s -> s.sms().to().equals(to) && s.sms().from().equals(from)
                && s.sms().body().equals(body) && !s.at().isBefore(since)).findFirst();
        return match.<SentCheck>map(s -> new SentCheck.Found("SM-found-" + s.sms().outboxId()))
                .orElseGet(SentCheck.NotFound::new);
    }

    synchronized List<Send> attempts() {
        return List.copyOf(attempts);
    }

    synchronized List<Send> accepted() {
        return List.copyOf(accepted);
    }

    synchronized List<Lookup> lookups() {
        return List.copyOf(lookups);
    }

    static SendResult.Retryable serverError() {
        return new SendResult.Retryable("HTTP 500, Twilio error 20500", Optional.empty());
    }

    static SendResult.Retryable tooManyRequests(Duration retryAfter) {
        return new SendResult.Retryable("HTTP 429, Twilio error 20429", Optional.of(retryAfter));
    }
}
