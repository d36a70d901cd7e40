package fi.vuoro.bench;

import fi.vuoro.domain.feedback.FeedbackTokens;
import fi.vuoro.local.DemoInterpreters;
import fi.vuoro.local.LocalRuntime;
import fi.vuoro.local.LocalStaffAccounts;
import fi.vuoro.local.LocalTokenIssuer;
import fi.vuoro.testkit.FakeTwilioApi;
import fi.vuoro.testkit.TwilioInboundSms;
import fi.vuoro.testkit.TwilioWebhookSigner;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The visitor, staff and interpreter actions, called in-process on the local runtime's own controller beans (the
 * controllers every function's Lambda handler serves), with the arguments Micronaut would bind from the request:
 * the signed webhook's form, the staff member's bearer token, the JSON body read by the context's own JSON mapper.
 * No HTTP on the way in; the controllers reach DynamoDB Local over loopback HTTP as they do on the local runtime.
 * Staff act as one member of staff who coordinates the demo site and the benchmark's own sites, signed in with a
 * token of the local sign-in's issuer.
 */
final class InProcessActions {

    static final String DEMO = "demo";
    private static final String WEBHOOK = "fi.vuoro.sms.TwilioSmsWebhookController";
    private static final String STAFF_QUEUE = "fi.vuoro.staff.StaffQueueController";
    private static final String SETTINGS = "fi.vuoro.staff.SiteSettingsController";
    private static final String FEEDBACK = "fi.vuoro.feedback.FeedbackFormController";
    private static final Pattern TICKET_NUMBER = Pattern.compile("\"number\"\\s*:\\s*(\\d+)");
    private static final Pattern FEEDBACK_LINK = Pattern.compile("/f/([A-Za-z0-9_-]{" + FeedbackTokens.LENGTH + "})");

    private final LocalRuntime runtime;
    private final TwilioWebhookSigner signer;
    private final String webhookUrl;
    private final JsonMapper json;
    private final Object webhook;
    private final Method inbound;
    private final Object staffQueue;
    private final Object settings;
    private final Object feedback;
    private final String staff;
    private final AtomicLong nextPhone;

    /** @param sites the sites (besides the demo site) the member of staff coordinates */
    InProcessActions(LocalRuntime runtime, String twilioAuthToken, long firstPhone, List<String> sites) {
        this.runtime = runtime;
        ApplicationContext context = runtime.context();
        this.signer = new TwilioWebhookSigner(twilioAuthToken);
        this.webhookUrl = runtime.baseUrl() + "/sms/inbound";
        this.json = context.getBean(JsonMapper.class);
        this.webhook = bean(context, WEBHOOK);
        this.inbound = method(webhook, "inbound");
        this.staffQueue = bean(context, STAFF_QUEUE);
        this.settings = bean(context, SETTINGS);
        this.feedback = bean(context, FEEDBACK);
        LocalTokenIssuer tokens = context.getBean(LocalTokenIssuer.class);
        List<String> groups = new ArrayList<>(List.of("coordinator-" + DEMO));
        sites.forEach(site -> groups.add("coordinator-" + site));
        this.staff = "Bearer " + tokens.issue(new LocalStaffAccounts.Account("bench-coordinator", groups));
        this.nextPhone = new AtomicLong(firstPhone);
    }

    String newPhone() {
        return "+35840" + nextPhone.incrementAndGet();
    }

    // --- SMS webhook ---

    /** A signed inbound SMS to a site's number; returns the reply's TwiML, which must carry a message. */
    String sms(String from, String to, String body) {
        Map<String, String> form = TwilioInboundSms.params(fi.vuoro.local.LocalSettings.DEV_TWILIO_ACCOUNT_SID, from, to,
                body);
        String twiml = (String) invoke(inbound, webhook, form, signer.sign(webhookUrl, form));
        if (!twiml.contains("<Message>")) {
            throw new IllegalStateException("The webhook gave no reply to " + body + ": " + twiml);
        }
        return twiml;
    }

    // --- staff API ---

    /** The live queue; returns the response (200 with an ETag, or 304 when {@code ifNoneMatch} still matches). */
    HttpResponse<?> queue(String site, String ifNoneMatch) {
        return (HttpResponse<?>) call(staffQueue, "liveQueue", staff, ifNoneMatch, site);
    }

    /** Calls the next visitor to the desk; returns the called ticket's number. */
    int callNext(String site, String desk) {
        return number(call(staffQueue, "callNext", staff, site, body(staffQueue, "callNext", 2,
                "{\"desk\":\"" + desk + "\"}")));
    }

    int call(String site, int ticket, String desk) {
        return number(call(staffQueue, "call", staff, site, ticket, body(staffQueue, "call", 3,
                "{\"desk\":\"" + desk + "\"}")));
    }

    void served(String site, int ticket) {
        call(staffQueue, "served", staff, site, ticket);
    }

    void noShow(String site, int ticket) {
        call(staffQueue, "noShow", staff, site, ticket);
    }

    int walkIn(String site, String name) {
        HttpResponse<?> created = (HttpResponse<?>) call(staffQueue, "addWalkIn", staff, site,
                body(staffQueue, "addWalkIn", 2, "{\"name\":\"" + name + "\",\"language\":\"fi\"}"));
        return number(created.body());
    }

    /** A site's settings as its coordinator reads them. */
    Object settings(String site) {
        return call(settings, "settings", staff, site);
    }

    /** Writes the settings back as they were read (the form the sites page sends). */
    void saveSettings(String site, Object view) {
        HttpResponse<?> saved = (HttpResponse<?>) call(settings, "change", staff, site, view);
        if (saved.code() != 200) {
            throw new IllegalStateException("Saving the settings answered " + saved.code());
        }
    }

    // --- feedback form ---

    /** Posts the feedback form of the link's token, as a visitor's browser would. */
    void submitFeedback(String token) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("helped", "5");
        form.put("understood", "4");
        form.put("knows", "5");
        form.put("comment", "Kiitos");
        HttpResponse<?> page = (HttpResponse<?>) call(feedback, "submit", token, null, form);
        if (page.code() != 200) {
            throw new IllegalStateException("The feedback form answered " + page.code());
        }
    }

    /** The feedback tokens of the links sent to these numbers so far (the outbox sends them moments after "served"). */
    List<String> feedbackTokens(List<String> phones, int expected, long waitMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + waitMillis;
        List<String> found;
        do {
            found = new ArrayList<>();
            java.util.Set<String> wanted = new java.util.HashSet<>(phones);
            for (FakeTwilioApi.RecordedMessage message : runtime.sentMessages()) {
                if (wanted.contains(message.to())) {
                    Matcher link = FEEDBACK_LINK.matcher(message.body());
                    if (link.find()) {
                        found.add(link.group(1));
                    }
                }
            }
            if (found.size() >= expected) {
                return found;
            }
            Thread.sleep(200);
        } while (System.currentTimeMillis() < deadline);
        return found;
    }

    /** The interpreter who interprets Dari only; a visitor texting "JOIN DARI" makes the site ask them. */
    static String dariInterpreter() {
        return DemoInterpreters.DARI;
    }

    // --- reflection on the controllers: their request records are the function modules' own (package-private) ---

    private Object body(Object controller, String name, int index, String body) {
        Class<?> type = method(controller, name).getParameterTypes()[index];
        try {
            return json.readValue(body, Argument.of(type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int number(Object ticketView) {
        try {
            Method number = ticketView.getClass().getDeclaredMethod("number");
            number.setAccessible(true);
            return (Integer) number.invoke(ticketView);
        } catch (ReflectiveOperationException e) {
            Matcher matcher = TICKET_NUMBER.matcher(String.valueOf(ticketView));
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
            throw new IllegalStateException("No ticket number in " + ticketView, e);
        }
    }

    private static Object call(Object controller, String name, Object... args) {
        return invoke(method(controller, name), controller, args);
    }

    private static Object invoke(Method method, Object target, Object... args) {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Map<String, Method> METHODS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Method method(Object controller, String name) {
        return METHODS.computeIfAbsent(controller.getClass().getName() + "#" + name, key -> {
            Method found = Arrays.stream(controller.getClass().getMethods()).filter(m -> m.getName().equals(name))
                    .findFirst().orElseThrow(() -> new IllegalStateException("No " + key));
            found.setAccessible(true);
            return found;
        });
    }

    private static Object bean(ApplicationContext context, String className) {
        try {
            return context.getBean(Class.forName(className));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(className + " is not on the benchmark's classpath", e);
        }
    }
}
