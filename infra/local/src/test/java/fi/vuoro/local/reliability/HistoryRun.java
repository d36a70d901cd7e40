package fi.vuoro.local.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.vuoro.domain.interpreter.InterpreterService;
import fi.vuoro.domain.outbox.OutboxDispatcher;
import fi.vuoro.domain.staff.NoShowSweep;
import fi.vuoro.local.DemoSite;
import fi.vuoro.local.LocalRuntime;
import fi.vuoro.local.LocalSchedules;
import fi.vuoro.local.LocalSettings;
import fi.vuoro.local.LogCapture;
import fi.vuoro.local.MutableClock;
import fi.vuoro.local.reliability.History.Effect;
import fi.vuoro.local.reliability.History.Kind;
import fi.vuoro.local.reliability.HistoryChecks.StoredSms;
import fi.vuoro.local.reliability.HistoryChecks.StoredTicket;
import fi.vuoro.local.staff.StaffApiSupport;
import fi.vuoro.testkit.CloudFormationTemplate;
import fi.vuoro.testkit.FakeTwilioApi;
import fi.vuoro.testkit.TwilioWebhookClient;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Many visitors, desks, interpreters and the scheduled jobs at once on the whole local service, each operation
 * recorded with when it was asked and answered and what it was told; then the promises checked on that history.
 * Visitors text the signed webhook as Twilio would (a failed delivery is sent again with the same MessageSid, as
 * Twilio does); staff use the staff API with their tokens; the jobs are run by calling them, as their schedules
 * would. One seed chooses every operation; the threads interleave as they will.
 */
abstract class HistoryRun extends StaffApiSupport {

    static final String HERVANTA_NUMBER = "+358500000002";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("\\b([A-Z][0-9]{1,5})\\b");
    private static final Pattern AHEAD = Pattern.compile("People before you: ([0-9]+)");
    /** An offer's number is the last number of its text, in every language. */
    private static final Pattern OFFER = Pattern.compile("([0-9]+)[^0-9]*$");
    private static final String TRY_AGAIN = "something went wrong";
    /** A visitor sends at most this many messages, as a real one would in a morning (no reply budget is near). */
    private static final int MESSAGES_PER_VISITOR = 6;
    /** Twilio sends a webhook that failed again, a few times. */
    private static final int WEBHOOK_ATTEMPTS = 4;

    /** A site under load: its staff member and desks, and what its visitors text to join. */
    record LoadedSite(String id, String number, String staff, List<String> desks, List<String> joins) {
    }

    static final LoadedSite DEMO = new LoadedSite("demo", DemoSite.NUMBER, "anna", List.of("1", "2"),
            List.of("JOIN", "JOIN", "JOIN", "JOIN", "QUEUE", "JOIN ARABIC", "JOIN DARI"));
    static final LoadedSite HERVANTA = new LoadedSite("hervanta", HERVANTA_NUMBER, "olli", List.of("1", "2"),
            List.of("JOIN KELA", "JOIN HOUSING", "JOIN WORK", "JOIN"));
    static final List<LoadedSite> SITES = List.of(DEMO, HERVANTA);

    /** Interpreters texting the demo site: the three it starts with and those the coordinator registers. */
    static final List<String> INTERPRETERS = new ArrayList<>(List.of("+358500000201", "+358500000202",
            "+358500000203"));

    /** What the run did, for the figures. */
    record RunResult(History history, HistoryChecks.Verdict verdict, long seed, int visitors, int smsOwed) {
    }

    /** Outbound SMS go out as fast as the jobs run them: a number's one a second would make the run wait. */
    static final Map<String, Object> QUICK_OUTBOX = Map.of("vuoro.outbox.send-interval", "10ms",
            "vuoro.outbox.request-timeout", "1s", "vuoro.outbox.first-retry", "200ms", "vuoro.outbox.max-retry", "2s");
    /** One run of the outbox job: long enough to start an attempt (its request timeout) and finish it. */
    private static final Duration OUTBOX_RUN = Duration.ofMillis(2500);

    /** Starts the service as {@link #startService} does, its DynamoDB requests through {@code dynamoHttp}; sets up the sites. */
    static void startLoadedService(Map<String, Object> overrides, UnaryOperator<SdkHttpClient> dynamoHttp) {
        logs = LogCapture.attach();
        clock = new MutableClock(TUESDAY_NOON);
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            runtime = LocalRuntime.start(new LocalSettings(port, TOKEN, clock), overrides, dynamoHttp);
            twilio = new TwilioWebhookClient(TOKEN);
            setUpSites();
        } catch (Exception e) {
            throw new AssertionError("The service did not start with its sites", e);
        }
    }

    /** Creates Hervanta from the documented example, and registers a few more interpreters for the demo site. */
    private static void setUpSites() throws Exception {
        String example = Files.readString(CloudFormationTemplate.locate().getParent()
                .resolve("docs/examples/hervanta-settings.json"));
        HttpResponse<String> created = put("/staff/api/sites/hervanta/settings", token("coordinator"), example);
        assertEquals(201, created.statusCode(), created.body());
        for (int i = 0; i < 4; i++) {
            String phone = newPhone();
            HttpResponse<String> added = post("/staff/api/sites/demo/interpreters", token("coordinator"),
                    "{\"name\":\"Interpreter " + i + "\",\"phone\":\"" + phone + "\",\"language\":\"en\","
                            + "\"languages\":[\"fa\",\"ar\"],\"sites\":[\"demo\"],\"active\":true}");
            assertEquals(201, added.statusCode(), added.body());
            INTERPRETERS.add(phone);
        }
        // The jobs run when this run calls them, as their schedules would call them.
        runtime.context().getBean(LocalSchedules.class).close();
    }

    private final History history = new History();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Map<String, Integer> offersAnswered = new ConcurrentHashMap<>();
    private final Set<String> visitors = ConcurrentHashMap.newKeySet();
    private Random seeds;
    private int operations;

    /**
     * Sets this many visitor threads, two desks a site, the interpreters and the jobs going, all chosen by
     * {@code seed}, until the history holds {@code operations}; then closes the day and checks the history.
     */
    RunResult run(long seed, int operations, int visitorThreads) throws Exception {
        this.seeds = new Random(seed);
        this.operations = operations;
        List<Runnable> workers = new ArrayList<>();
        for (int i = 0; i < visitorThreads; i++) {
            Random rng = new Random(seeds.nextLong());
            String name = "v" + i;
            workers.add(() -> visitorsOf(name, rng));
        }
        for (LoadedSite site : SITES) {
            for (String desk : site.desks()) {
                Random rng = new Random(seeds.nextLong());
                workers.add(() -> desk(site, desk, rng));
            }
        }
        Random interpreterRng = new Random(seeds.nextLong());
        workers.add(() -> interpreters(interpreterRng));
        Random jobsRng = new Random(seeds.nextLong());
        workers.add(() -> jobs(jobsRng));
        workers.add(this::outbox);
        ExecutorService pool = Executors.newFixedThreadPool(workers.size());
        List<Future<?>> running = workers.stream().map(pool::submit).collect(Collectors.toList());
        try {
            for (Future<?> worker : running) {
                worker.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        afterLoad();
        closeTheDay();
        settleOutbox();
        history.writeTo(java.nio.file.Path.of("target", "reliability-history-" + getClass().getSimpleName() + ".txt"));
        return new RunResult(history, new HistoryChecks(history.operations(), storedTickets())
                .check(storedSms(), sentSids()), seed, visitors.size(), storedSms().size());
    }

    /** Called once the load is over, before the day is closed: a faulty run calms its faults here. */
    void afterLoad() {
    }

    private boolean more() {
        if (history.size() >= operations) {
            stopping.set(true);
        }
        return !stopping.get();
    }

    // ---- visitors ----

    /** A visitor as one of the visitor threads knows them. */
    private static final class Visitor {
        final String phone;
        final LoadedSite site;
        int sent;
        Optional<String> code = Optional.empty();
        /** The ticket the visitor last left: a LEAVE after it is told so again, which ends nothing. */
        Optional<String> leftCode = Optional.empty();
        boolean menuAwaited;
        boolean servedWithoutFeedback;
        /** A join whose answer did not say whether it made a ticket: its start, until an answer names the code. */
        OptionalLongStart unsureJoin = null;

        Visitor(String phone, LoadedSite site) {
            this.phone = phone;
            this.site = site;
        }
    }

    private record OptionalLongStart(long invokedAt) {
    }

    /** One text and its answer: Twilio sends it again, with the same MessageSid, while it gets no 200. */
    private record Texted(long invokedAt, String text, boolean answered, boolean redelivered) {
    }

    /** LEAVEs redelivered after a failure and answered "You are not in the queue" (a known defect). */
    final AtomicInteger leavesAnsweredAsNotInQueue = new AtomicInteger();

    private Texted text(String from, String to, String body) {
        Map<String, String> params = inbound(from, to, body);
        if (body.length() > 3) {
            personalData.add(body);
        }
        long invokedAt = history.now();
        for (int attempt = 1; attempt <= WEBHOOK_ATTEMPTS; attempt++) {
            long sent = System.nanoTime();
            int status;
            try {
                TwilioWebhookClient.WebhookResponse response = twilio.post(webhook(), webhook().toString(), params);
                status = response.status();
                if (status == 200) {
                    webhookAnswered(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
                    return new Texted(invokedAt, messageText(response.body()), true, attempt > 1);
                }
            } catch (RuntimeException noAnswer) {
                status = 0;
            }
            webhookFailed(status);
            pause(50L * attempt);
        }
        return new Texted(invokedAt, "", false, true);
    }

    /** A webhook answered 200 after this long (Twilio waits 15 s). */
    void webhookAnswered(long millis) {
    }

    /** A webhook answered an error (Twilio will send it again): a faulty run expects these, a calm one none. */
    void webhookFailed(int status) {
        throw new AssertionError("the webhook answered " + status + " without any fault injected");
    }

    private void visitorsOf(String thread, Random rng) {
        List<Visitor> mine = new ArrayList<>();
        while (more()) {
            if (mine.size() < 4 || rng.nextInt(10) == 0) {
                Visitor fresh = new Visitor(newPhone(), SITES.get(rng.nextInt(SITES.size())));
                visitors.add(fresh.phone);
                mine.add(fresh);
            }
            Visitor visitor = mine.get(rng.nextInt(mine.size()));
            visit(visitor, rng);
            if (visitor.sent >= MESSAGES_PER_VISITOR) {
                mine.remove(visitor);
            }
            pause(rng.nextInt(20));
        }
    }

    private void visit(Visitor visitor, Random rng) {
        int dice = rng.nextInt(100);
        if (visitor.code.isEmpty()) {
            if (visitor.servedWithoutFeedback && dice < 50) {
                visitor.servedWithoutFeedback = false;
                say(visitor, Kind.FEEDBACK, Integer.toString(1 + rng.nextInt(5)));
            } else if (visitor.menuAwaited) {
                say(visitor, Kind.TOPIC_CHOICE, Integer.toString(1 + rng.nextInt(4)));
            } else if (dice < 80) {
                String join = visitor.site.joins().get(rng.nextInt(visitor.site.joins().size()));
                say(visitor, join.contains(" ") && visitor.site.equals(HERVANTA) ? Kind.JOIN_WITH_TOPIC : Kind.JOIN,
                        join);
            } else {
                say(visitor, Kind.STATUS, "STATUS");
            }
            return;
        }
        if (dice < 45) {
            say(visitor, Kind.STATUS, "STATUS");
        } else if (dice < 65) {
            say(visitor, Kind.REPEAT_JOIN, "JOIN");
        } else if (dice < 80) {
            say(visitor, Kind.LEAVE, "LEAVE");
        }
    }

    /** A visitor texts; the answer is read for what it says of their ticket, and recorded. */
    private void say(Visitor visitor, Kind kind, String body) {
        visitor.sent++;
        Texted answer = text(visitor.phone, visitor.site.number(), body);
        String text = answer.text();
        Optional<String> code = Optional.empty();
        OptionalInt ahead = OptionalInt.empty();
        Effect effect = Effect.NONE;
        boolean leftBeforeTheCrash = kind == Kind.LEAVE && answer.redelivered() && findCode(text).isEmpty();
        if (leftBeforeTheCrash) {
            leavesAnsweredAsNotInQueue.incrementAndGet();
        }
        if (!answer.answered() || text.contains(TRY_AGAIN) || leftBeforeTheCrash) {
            effect = Effect.UNKNOWN;
            code = visitor.code;
            if ((kind == Kind.JOIN || kind == Kind.JOIN_WITH_TOPIC || kind == Kind.TOPIC_CHOICE)
                    && visitor.code.isEmpty() && visitor.unsureJoin == null) {
                visitor.unsureJoin = new OptionalLongStart(answer.invokedAt());
            }
        } else {
            code = findCode(text);
            // A number may join too: the language menu's choice (a feedback digit nobody asked for is one).
            boolean joining = kind != Kind.LEAVE && kind != Kind.STATUS;
            if (text.startsWith("Which topic?")) {
                visitor.menuAwaited = true;
            } else if (code.isEmpty()) {
                // "You are not in the queue" in the visitor's language: their ticket ended meanwhile.
                if (visitor.code.isPresent()) {
                    visitor.servedWithoutFeedback = true;
                }
                visitor.code = Optional.empty();
            } else if (kind == Kind.LEAVE && code.equals(visitor.leftCode) && !code.equals(visitor.code)) {
                // "You left the queue. Your number …" again, of the ticket left before: nothing ends twice.
                code = Optional.empty();
            } else if (kind == Kind.LEAVE) {
                effect = Effect.LEFT;
                visitor.leftCode = code;
            } else if (joining && !code.equals(visitor.code)) {
                // A new ticket: the one held ended without the visitor hearing, or they had none.
                effect = Effect.JOINED;
                ahead = told(text);
            } else {
                ahead = text.contains("it is your turn") ? OptionalInt.empty() : told(text);
            }
        }
        if (code.isPresent() && visitor.unsureJoin != null && effect != Effect.JOINED) {
            // An earlier join did make this ticket: it was acknowledged now.
            history.record(Kind.JOIN, visitor.phone, visitor.site.id(), visitor.unsureJoin.invokedAt(), code,
                    OptionalInt.empty(), Effect.JOINED, "(acknowledged by a later answer)");
        }
        if (code.isPresent() || effect == Effect.JOINED) {
            visitor.unsureJoin = null;
        }
        if (effect == Effect.JOINED) {
            visitor.menuAwaited = false;
            visitor.code = code;
        } else if (effect == Effect.LEFT) {
            visitor.code = Optional.empty();
        } else if (code.isPresent() && effect != Effect.UNKNOWN) {
            visitor.code = code;
        }
        history.record(kind, visitor.phone, visitor.site.id(), answer.invokedAt(), code, ahead, effect, text);
    }

    private static Optional<String> findCode(String text) {
        Matcher matcher = CODE.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static OptionalInt told(String text) {
        if (text.contains("You are next!")) {
            return OptionalInt.of(0);
        }
        Matcher matcher = AHEAD.matcher(text);
        return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    // ---- desks ----

    private record StaffAnswer(long invokedAt, int status, JsonNode body) {
    }

    private StaffAnswer staff(LoadedSite site, String path, String json) {
        long invokedAt = history.now();
        try {
            HttpResponse<String> response = post("/staff/api/sites/" + site.id() + path, token(site.staff()), json);
            JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
            return new StaffAnswer(invokedAt, response.statusCode(), body);
        } catch (Exception e) {
            return new StaffAnswer(invokedAt, 0, JSON.nullNode());
        }
    }

    private void desk(LoadedSite site, String desk, Random rng) {
        Optional<String> holding = Optional.empty();
        while (more()) {
            if (holding.isEmpty()) {
                holding = callNext(site, desk);
                if (holding.isEmpty()) {
                    pause(30 + rng.nextInt(50));
                }
                continue;
            }
            pause(rng.nextInt(40));
            int dice = rng.nextInt(100);
            String code = holding.get();
            if (dice < 60) {
                finish(site, desk, code, Kind.SERVED, "/served", Effect.SERVED);
            } else if (dice < 75) {
                finish(site, desk, code, Kind.NO_SHOW, "/no-show", Effect.NO_SHOW);
            } else if (dice < 90) {
                finish(site, desk, code, Kind.REQUEUE, "/requeue", Effect.REQUEUED);
            }
            // Otherwise the desk forgets the visitor it called: the no-show sweep finds them.
            holding = Optional.empty();
        }
    }

    /** Calls the next visitor to the desk; the code called, if one was. */
    private Optional<String> callNext(LoadedSite site, String desk) {
        StaffAnswer answer = staff(site, "/call-next", "{\"desk\":\"" + desk + "\"}");
        if (answer.status() == 200) {
            String code = answer.body().get("code").asText();
            history.record(Kind.CALL_NEXT, site.staff() + "@" + desk, site.id(), answer.invokedAt(),
                    Optional.of(code), OptionalInt.empty(), Effect.CALLED, answer.body().toString());
            return Optional.of(code);
        }
        if (answer.status() == 409) {
            history.record(Kind.CALL_NEXT, site.staff() + "@" + desk, site.id(), answer.invokedAt(),
                    Optional.empty(), OptionalInt.empty(), Effect.NONE, answer.body().toString());
            return Optional.empty();
        }
        // No answer said which ticket: the queue does, once staff look at it again.
        Optional<String> called = calledAt(site, desk);
        history.record(Kind.CALL_NEXT, site.staff() + "@" + desk, site.id(), answer.invokedAt(), called,
                OptionalInt.empty(), called.isPresent() ? Effect.UNKNOWN : Effect.NONE, answer.status() + "");
        return called;
    }

    private void finish(LoadedSite site, String desk, String code, Kind kind, String action, Effect effect) {
        int number = Integer.parseInt(code.substring(1));
        StaffAnswer answer = staff(site, "/tickets/" + number + action, "");
        Effect happened = answer.status() == 200 ? effect
                : answer.status() == 409 || answer.status() == 404 ? Effect.NONE : Effect.UNKNOWN;
        history.record(kind, site.staff() + "@" + desk, site.id(), answer.invokedAt(), Optional.of(code),
                OptionalInt.empty(), happened, answer.status() + " " + answer.body());
    }

    /** The ticket the live queue shows CALLED at the desk, looked at until it answers. */
    private Optional<String> calledAt(LoadedSite site, String desk) {
        for (int attempt = 0; attempt < 20; attempt++) {
            long invokedAt = history.now();
            try {
                HttpResponse<String> queue = get("/staff/api/sites/" + site.id() + "/queue", token(site.staff()));
                if (queue.statusCode() == 200) {
                    history.record(Kind.QUEUE_VIEW, site.staff() + "@" + desk, site.id(), invokedAt,
                            Optional.empty(), OptionalInt.empty(), Effect.NONE, "");
                    // The desk's latest call: an earlier ticket still called there is not the one this call took.
                    Optional<String> latest = Optional.empty();
                    Instant latestAt = Instant.MIN;
                    for (JsonNode ticket : JSON.readTree(queue.body()).get("tickets")) {
                        if (ticket.get("status").asText().equals("CALLED") && desk.equals(ticket.path("desk").asText())) {
                            Instant at = Instant.parse(ticket.get("calledAt").asText());
                            if (!at.isBefore(latestAt)) {
                                latestAt = at;
                                latest = Optional.of(ticket.get("code").asText());
                            }
                        }
                    }
                    return latest;
                }
            } catch (Exception e) {
                // looked at again
            }
            pause(50);
        }
        return Optional.empty();
    }

    // ---- interpreters ----

    private void interpreters(Random rng) {
        ExecutorService answering = Executors.newFixedThreadPool(INTERPRETERS.size());
        try {
            while (more()) {
                List<Future<?>> replies = new ArrayList<>();
                for (FakeTwilioApi.RecordedMessage offer : runtime.twilio().sentThroughApi()) {
                    Matcher matcher = OFFER.matcher(offer.body());
                    boolean isOffer = offer.statusCallback() != null && offer.statusCallback().contains(".offer-");
                    if (!INTERPRETERS.contains(offer.to()) || !isOffer || !matcher.find()
                            || offersAnswered.putIfAbsent(offer.sid(), 1) != null) {
                        continue;
                    }
                    boolean yes = rng.nextInt(100) < 75;
                    boolean here = rng.nextBoolean();
                    String reply = (yes ? "YES " : "NO ") + matcher.group(1);
                    // Several interpreters answer at the same moment.
                    replies.add(answering.submit(() -> interpreterSays(offer.to(), reply, yes, here)));
                }
                for (Future<?> reply : replies) {
                    reply.get();
                }
                pause(50 + rng.nextInt(100));
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            answering.shutdownNow();
        }
    }

    /** The "no longer needed" message of every language, as a pattern with its placeholders left open. */
    private static final List<Pattern> NO_LONGER_NEEDED = noLongerNeededTexts();

    private static List<Pattern> noLongerNeededTexts() {
        List<Pattern> patterns = new ArrayList<>();
        for (String file : List.of("ar", "en", "fa", "fi", "ru", "so", "sv", "uk")) {
            java.util.Properties messages = new java.util.Properties();
            try (java.io.Reader reader = new java.io.InputStreamReader(HistoryRun.class.getResourceAsStream(
                    "/messages/" + file + ".properties"), java.nio.charset.StandardCharsets.UTF_8)) {
                messages.load(reader);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            StringBuilder regex = new StringBuilder();
            for (String part : messages.getProperty("interpreter.not.needed").split("\\{[A-Za-z]+}", -1)) {
                if (regex.length() > 0) {
                    regex.append(".*");
                }
                regex.append(Pattern.quote(part));
            }
            patterns.add(Pattern.compile(regex.toString(), Pattern.DOTALL));
        }
        return patterns;
    }

    private static boolean noLongerNeeded(String text) {
        return NO_LONGER_NEEDED.stream().anyMatch(pattern -> pattern.matcher(text.strip()).matches());
    }

    private void interpreterSays(String interpreter, String reply, boolean yes, boolean comesToTheSite) {
        Texted answer = text(interpreter, DEMO.number(), reply);
        String text = answer.text();
        // A confirmation names the visitor's ticket; "already taken" and "noted" do not, in any language. "No longer
        // needed" names it too, but confirms nothing.
        Optional<String> code = yes && answer.answered() && !noLongerNeeded(text) ? findCode(text) : Optional.empty();
        Effect effect = !answer.answered() || text.contains(TRY_AGAIN) ? Effect.UNKNOWN
                : code.isPresent() ? Effect.CONFIRMED : yes ? Effect.TAKEN : Effect.NONE;
        history.record(yes ? Kind.INTERPRETER_YES : Kind.INTERPRETER_NO, interpreter, DEMO.id(), answer.invokedAt(),
                code, OptionalInt.empty(), effect, text);
        if (effect == Effect.CONFIRMED && comesToTheSite) {
            Texted here = text(interpreter, DEMO.number(), "HERE");
            history.record(Kind.INTERPRETER_HERE, interpreter, DEMO.id(), here.invokedAt(), code,
                    OptionalInt.empty(), here.answered() ? Effect.NONE : Effect.UNKNOWN, here.text());
        }
    }

    // ---- jobs ----

    /** The outbox sender, run again as soon as a run ends, as the stream of new owed SMS keeps it running. */
    private void outbox() {
        OutboxDispatcher outbox = runtime.context().getBean(OutboxDispatcher.class);
        while (more()) {
            long invokedAt = history.now();
            String done = job(() -> outbox.drain(OUTBOX_RUN).toString());
            history.record(Kind.OUTBOX_RUN, "outbox", "", invokedAt, Optional.empty(), OptionalInt.empty(),
                    Effect.NONE, done);
        }
    }

    private void jobs(Random rng) {
        NoShowSweep sweep = runtime.context().getBean(NoShowSweep.class);
        InterpreterService waves = runtime.context().getBean(InterpreterService.class);
        int sweeps = 0;
        while (more()) {
            job(() -> Integer.toString(waves.advance(clock.instant())));
            if (history.size() / 80 > sweeps) {
                // Time goes on past the no-show grace: desks that forgot whom they called are swept.
                sweeps++;
                clock.set(clock.instant().plus(Duration.ofMinutes(11)));
                // Time really passes: joins that drew their number just before the jump write their tickets before
                // the sweep reads the day (else it would take their draws for abandoned ones and count one too few).
                pause(1000);
                long sweptAt = history.now();
                String swept = job(() -> sweep.run().toString());
                history.record(Kind.NO_SHOW_SWEEP, "jobs", "", sweptAt, Optional.empty(), OptionalInt.empty(),
                        Effect.NONE, swept);
            }
            pause(20 + rng.nextInt(60));
        }
    }

    /** A scheduled job's one run: one that fails (or dies) is simply run again by its next schedule. */
    private static String job(java.util.function.Supplier<String> run) {
        try {
            return run.get();
        } catch (RuntimeException | Error failed) {
            if (failed instanceof AssertionError) {
                throw failed;
            }
            return "failed: " + failed.getClass().getSimpleName();
        }
    }

    // ---- the end of the day ----

    /** Staff finish the day: every ticket still live is called (by number, interpreters or not) and served. */
    private void closeTheDay() throws Exception {
        for (LoadedSite site : SITES) {
            for (int round = 0; round < 20; round++) {
                List<JsonNode> live = new ArrayList<>();
                HttpResponse<String> queue = get("/staff/api/sites/" + site.id() + "/queue", token(site.staff()));
                assertEquals(200, queue.statusCode(), queue.body());
                for (JsonNode ticket : JSON.readTree(queue.body()).get("tickets")) {
                    String status = ticket.get("status").asText();
                    if (status.equals("WAITING") || status.equals("CALLED")) {
                        live.add(ticket);
                    }
                }
                if (live.isEmpty()) {
                    break;
                }
                for (JsonNode ticket : live) {
                    String code = ticket.get("code").asText();
                    if (ticket.get("status").asText().equals("WAITING")) {
                        StaffAnswer called = staff(site, "/tickets/" + ticket.get("number").asInt() + "/call",
                                "{\"desk\":\"1\"}");
                        history.record(Kind.CALL_NEXT, site.staff() + "@close", site.id(), called.invokedAt(),
                                Optional.of(code), OptionalInt.empty(),
                                called.status() == 200 ? Effect.CALLED : Effect.UNKNOWN, called.status() + "");
                    }
                    finish(site, "close", code, Kind.SERVED, "/served", Effect.SERVED);
                }
            }
        }
    }

    /** Runs the outbox until nothing is owed any more (or a minute has passed). */
    private void settleOutbox() {
        OutboxDispatcher outbox = runtime.context().getBean(OutboxDispatcher.class);
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < giveUp) {
            outbox.drain(OUTBOX_RUN);
            if (storedSms().stream().noneMatch(sms -> sms.status().equals("PENDING")
                    || sms.status().equals("SENDING"))) {
                return;
            }
            pause(100);
        }
    }

    // ---- what the table holds ----

    private static List<Map<String, AttributeValue>> everyItem() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo().scanPaginator(ScanRequest.builder().tableName(TABLE).consistentRead(true).build())
                .items().forEach(items::add);
        return items;
    }

    private static List<StoredTicket> storedTickets() {
        List<StoredTicket> tickets = new ArrayList<>();
        for (Map<String, AttributeValue> item : everyItem()) {
            String pk = item.get("PK").s();
            String sk = item.get("SK").s();
            if (pk.startsWith("SITE#") && pk.contains("#DAY#") && sk.startsWith("TICKET#")) {
                tickets.add(new StoredTicket(item.get("siteId").s(), Integer.parseInt(item.get("number").n()),
                        item.get("code").s(), item.get("status").s(), !item.containsKey("walkInName")));
            }
        }
        return tickets;
    }

    private static List<StoredSms> storedSms() {
        List<StoredSms> owed = new ArrayList<>();
        for (Map<String, AttributeValue> item : everyItem()) {
            if (item.get("PK").s().startsWith("OUTBOX#") && item.get("SK").s().equals("MSG")) {
                owed.add(new StoredSms(item.get("id").s(), item.get("status").s(),
                        Optional.ofNullable(item.get("providerId")).map(AttributeValue::s),
                        Optional.ofNullable(item.get("lastError")).map(AttributeValue::s)));
            }
        }
        return owed;
    }

    private static Set<String> sentSids() {
        Set<String> sids = new HashSet<>();
        for (FakeTwilioApi.RecordedMessage message : runtime.twilio().sentThroughApi()) {
            sids.add(message.sid());
        }
        return sids;
    }

    static String byKind(History history) {
        Map<Kind, Integer> counts = history.countsByKind();
        return counts.entrySet().stream().map(e -> e.getKey().name().toLowerCase().replace('_', '-') + "="
                + e.getValue()).collect(Collectors.joining(" "));
    }

    static Map<String, Integer> sitesOf(History history) {
        Map<String, Integer> sites = new HashMap<>();
        history.operations().stream().filter(op -> !op.siteId().isEmpty())
                .forEach(op -> sites.merge(op.siteId(), 1, Integer::sum));
        return sites;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
