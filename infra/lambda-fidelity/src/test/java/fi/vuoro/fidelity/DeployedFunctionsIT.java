package fi.vuoro.fidelity;

import fi.vuoro.domain.testing.DirectChanges;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fi.vuoro.domain.estimate.ServiceHistory;
import fi.vuoro.domain.interpreter.Interpreter;
import fi.vuoro.domain.interpreter.InterpreterRequest;
import fi.vuoro.domain.interpreter.InterpreterService;
import fi.vuoro.domain.interpreter.InterpreterSms;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketCode;
import fi.vuoro.domain.site.InterpreterPolicy;
import fi.vuoro.domain.site.OpeningHours;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.visitor.PhoneProtector;
import fi.vuoro.platform.dynamodb.DynamoQueueStore;
import fi.vuoro.platform.dynamodb.DynamoSiteDirectory;
import fi.vuoro.platform.dynamodb.Keys;
import fi.vuoro.platform.dynamodb.TableName;
import fi.vuoro.platform.dynamodb.interpreter.DynamoInterpreterStores;
import fi.vuoro.testkit.TableItems;
import fi.vuoro.testkit.lambda.DeployedFunction;
import fi.vuoro.testkit.lambda.DynamoStreamEvents;
import fi.vuoro.testkit.lambda.LambdaRuntimeApi;
import fi.vuoro.testkit.lambda.ScheduledEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every function of template.yaml, run as Lambda runs a SnapStart version of it, behind the HTTP API as API Gateway
 * routes and authorises it, fed the events its sources really send. The last section checks what each function's
 * role allows against the AWS calls the sections before made.
 */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class DeployedFunctionsIT {

    /** Every answer through the HTTP API was checked for the security headers as it came (HttpApiGateway). */
    @AfterAll
    static void reportTheSecuredAnswers() throws java.io.IOException {
        String line = "[reliability] security-headers api-gateway-answers="
                + HttpApiGateway.SECURED_ANSWERS.values().stream().mapToInt(Number::intValue).sum()
                + " by-status=" + new java.util.TreeMap<>(HttpApiGateway.SECURED_ANSWERS) + " missing=0";
        System.out.println(line);
        java.nio.file.Path figures = java.nio.file.Path.of("target", "reliability.txt");
        java.nio.file.Files.createDirectories(figures.getParent());
        java.nio.file.Files.writeString(figures, line + System.lineSeparator(),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    @Nested
    @Order(1)
    class SmsWebhookFunction extends DeployedScenarios {

        @Test
        void inboundSms_shouldJoinTheQueue_onARestoredSnapStartFunction_signingWithContainerCredentials() {
            Site site = newSite('W');
            String phone = newPhone();

            HttpApiGateway.Response reply = text(phone, site, "JONO");

            assertEquals(200, reply.status(), reply.body());
            assertEquals("POST /sms/inbound", reply.route().orElseThrow().routeKey());
            assertTrue(reply.headers().get("content-type").startsWith("text/xml"), reply.headers().toString());
            assertTrue(messageText(reply).contains("W1"), messageText(reply));
            DeployedFunction function = stack.function("SmsWebhookFunction");
            assertTrue(function.restored(), "initialised, checkpointed and restored before the first event");
            assertFalse(function.spec().environment().containsKey("AWS_ACCESS_KEY_ID"), "no access-key variables");
            assertTrue(stack.credentials.fetches("SmsWebhookFunction") > 0, "credentials came from the container endpoint");
        }

        @Test
        void visitorCommands_shouldEachGetTheirReply_inTheVisitorsLanguage() {
            Site site = newSite('X');
            String phone = newPhone();
            String code = ticketCode(messageText(text(phone, site, "QUEUE")));

            assertTrue(messageText(text(phone, site, "STATUS")).contains(code));
            assertTrue(messageText(text(phone, site, "HELP")).length() > 20);
            String arabic = messageText(text(phone, site, "LANG AR"));
            assertTrue(arabic.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC),
                    arabic);
            String left = messageText(text(phone, site, "LEAVE"));
            assertTrue(left.contains(code), left);
        }

        @Test
        void erasure_shouldDeleteEverythingAboutTheSender_includingTheSmsStillOwedToThem() {
            Site site = newSite('Y');
            String phone = newPhone();
            text(phone, site, "JONO");
            String staff = staffToken("erasure-staff", site);
            assertEquals(200, api.postJson("/staff/api/sites/" + site.id() + "/call-next", staff, "{\"desk\":\"1\"}")
                    .status(), "the call owes the visitor a 'your turn' SMS");

            HttpApiGateway.Response erased = text(phone, site, "POISTA");

            assertEquals(200, erased.status(), erased.body());
            String hash = stack.phones().hash(phone);
            assertTrue(stack.dynamo.client().query(b -> b.tableName(DeployedStack.TABLE)
                    .keyConditionExpression("PK = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("PHONE#" + hash))))
                    .items().isEmpty(), "profile, live slot and ticket references are gone");
            assertTrue(stack.dynamo.client().query(b -> b.tableName(DeployedStack.TABLE).indexName("GSI1")
                    .keyConditionExpression("GSI1PK = :due")
                    .expressionAttributeValues(Map.of(":due", AttributeValue.fromS("OUTBOX#DUE"))))
                    .items().stream().noneMatch(item -> item.get("siteId").s().equals(site.id())),
                    "no SMS with the encrypted number is still owed");
        }

        @Test
        void unsignedWebhook_shouldBeRefusedWith403_beforeAnythingIsWritten() {
            Site site = newSite('Z');
            HttpApiGateway.Response refused = api.send("POST", "/sms/inbound",
                    Map.of("content-type", "application/x-www-form-urlencoded", "x-twilio-signature", "bm9wZQ=="),
                    "MessageSid=SMx&From=%2B358401111111&To=" + site.smsNumber().replace("+", "%2B") + "&Body=JONO");

            assertEquals(403, refused.status());
            assertTrue(TableItems.all(stack.dynamo.client(), DeployedStack.TABLE).stream()
                    .noneMatch(item -> item.get("SK").s().equals("REPLY#SMx")), "no reply to the message is stored");
        }

        @Test
        void webhookWithoutSender_shouldGet400WithAMessage() {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("MessageSid", "SM400");
            form.put("To", "+358500000999");
            form.put("Body", "JONO");

            HttpApiGateway.Response response = postSigned("/sms/inbound", form);

            assertEquals(400, response.status(), response.body());
            assertTrue(response.json().get("error").asText().length() > 0);
        }

        @Test
        void deliveryReport_shouldBeAccepted_whenSignedForItsCallbackUrlWithTheQuery() {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("AccountSid", DeployedStack.TWILIO_ACCOUNT_SID);
            form.put("MessageSid", "SM0123456789abcdef0123456789abcdef");
            form.put("MessageStatus", "delivered");

            HttpApiGateway.Response response = postSigned("/sms/status?outbox=unknown.message", form);

            assertEquals(200, response.status(), response.body());
        }
    }

    @Nested
    @Order(2)
    class StaffApiFunction extends DeployedScenarios {

        @Test
        void aCoordinator_shouldCreateASiteThroughTheStaffApi_thatAnswersATextToItsNumberAtOnce() {
            String siteId = "fidelity" + java.util.UUID.randomUUID().toString().substring(0, 8);
            String number = "+35850099" + (10000 + new java.util.Random().nextInt(89999));
            String coordinator = stack.cognito.accessToken("founder", List.of("coordinator-" + siteId));
            String settings = "/staff/api/sites/" + siteId + "/settings";
            String body = "{\"name\": \"Fidelity New\", \"smsNumber\": \"" + number + "\", \"timeZone\": \"Europe/Helsinki\","
                    + " \"openingHours\": {\"mon\": [\"00:00-24:00\"], \"tue\": [\"00:00-24:00\"], \"wed\": [\"00:00-24:00\"],"
                    + " \"thu\": [\"00:00-24:00\"], \"fri\": [\"00:00-24:00\"], \"sat\": [\"00:00-24:00\"],"
                    + " \"sun\": [\"00:00-24:00\"]}, \"staffLanguages\": [\"fi\"], \"ticketLetter\": \"N\"}";
            Map<String, String> json = Map.of("authorization", "Bearer " + coordinator, "content-type", "application/json");

            HttpApiGateway.Response created = api.send("PUT", settings, json, body);

            assertEquals(201, created.status(), created.body());
            assertEquals(200, api.get(settings, bearer(coordinator)).status());
            assertEquals(403, api.send("PUT", settings, Map.of("authorization", "Bearer " + staffToken("anna"),
                    "content-type", "application/json"), body).status(), "staff who do not coordinate it");
            Site site = new DynamoSiteDirectory(stack.dynamo.client(), new TableName(DeployedStack.TABLE),
                    Clock.systemUTC()).findById(siteId).orElseThrow();
            assertTrue(messageText(text(newPhone(), site, "JONO")).contains("N1"), "the new site's first ticket");
        }

        @Test
        void aCoordinator_shouldAddAMemberThroughTheStaffApi_inTheUserPoolsGroupOfTheSite() {
            Site site = newSite('U');
            String coordinator = stack.cognito.accessToken("koordinaattori", List.of("coordinator-" + site.id()));
            String staff = "/staff/api/sites/" + site.id() + "/staff";
            Map<String, String> json = Map.of("authorization", "Bearer " + coordinator,
                    "content-type", "application/json");

            HttpApiGateway.Response added = api.send("PUT", staff + "/uusi.k", json,
                    "{\"role\": \"staff\", \"email\": \"uusi.k@example.org\"}");

            assertEquals(201, added.status(), added.body());
            assertTrue(added.json().get("accountCreated").asBoolean());
            assertTrue(added.json().get("initialPassword").isNull(), "Cognito emails the temporary password");
            HttpApiGateway.Response members = api.get(staff, bearer(coordinator));
            assertEquals(200, members.status(), members.body());
            assertEquals("uusi.k", members.json().get(0).get("username").asText());
            assertEquals(204, api.send("DELETE", staff + "/uusi.k", bearer(coordinator), "").status());
            assertEquals(403, api.get(staff, bearer(staffToken("aino", site))).status(), "staff of the site");
            assertTrue(stack.cognito.admin().groupNames().contains("site-" + site.id()), "made on its first grant");
        }

        @Test
        void liveQueue_shouldShowAnSmsVisitorMasked_toStaffOfTheSite_andAnswer304WhenUnchanged() {
            Site site = newSite('S');
            String phone = newPhone();
            String code = ticketCode(messageText(text(phone, site, "JONO")));
            String token = staffToken("aino", site);

            HttpApiGateway.Response queue = api.get("/staff/api/sites/" + site.id() + "/queue", bearer(token));

            assertEquals(200, queue.status(), queue.body());
            JsonNode ticket = queue.json().get("tickets").get(0);
            assertEquals(code, ticket.get("code").asText());
            String masked = ticket.get("phone").asText();
            assertTrue(masked.endsWith(phone.substring(phone.length() - 2)) && !masked.contains(phone.substring(4, 10)),
                    masked);
            Map<String, String> again = new LinkedHashMap<>(bearer(token));
            again.put("if-none-match", queue.headers().get("etag"));
            assertEquals(304, api.get("/staff/api/sites/" + site.id() + "/queue", again).status());
        }

        @Test
        void deskActions_shouldRunAVisitThroughTheQueue_andOweTheVisitorTheirSms() {
            Site site = newSite('D', "KELA");
            String phone = newPhone();
            text(phone, site, "JONO");
            String token = staffToken("desk", site);
            String base = "/staff/api/sites/" + site.id();

            HttpApiGateway.Response called = api.postJson(base + "/call-next", token, "{\"desk\":\"2\"}");
            assertEquals(200, called.status(), called.body());
            int number = called.json().get("number").asInt();
            assertEquals(200, api.postJson(base + "/tickets/" + number + "/recall", token, "").status());
            assertEquals(200, api.postJson(base + "/tickets/" + number + "/no-show", token, "").status());
            assertEquals(200, api.postJson(base + "/tickets/" + number + "/requeue", token, "").status());
            assertEquals(200, api.postJson(base + "/tickets/" + number + "/call", token, "{\"desk\":\"1\"}").status());
            HttpApiGateway.Response served = api.postJson(base + "/tickets/" + number + "/served", token, "");
            assertEquals(200, served.status(), served.body());
            assertEquals("SERVED", served.json().get("status").asText());
            HttpApiGateway.Response walkIn = api.postJson(base + "/walk-ins", token,
                    "{\"name\":\"M. K.\",\"language\":\"so\",\"topic\":\"kela\"}");
            assertEquals(201, walkIn.status(), walkIn.body());
            assertEquals(200, api.send("PUT", base + "/desks/3", Map.of("authorization", "Bearer " + token,
                    "content-type", "application/json"), "{\"open\":true}").status());
        }

        @Test
        void served_shouldFinishAVisitorPutBackInTheQueue_whoHadJoinedAgainMeanwhile() {
            Site site = newSite('R');
            String phone = newPhone();
            text(phone, site, "JONO");
            String token = staffToken("requeue", site);
            String base = "/staff/api/sites/" + site.id();
            int first = api.postJson(base + "/call-next", token, "{\"desk\":\"1\"}").json().get("number").asInt();
            assertEquals(200, api.postJson(base + "/tickets/" + first + "/no-show", token, "").status());
            assertTrue(messageText(text(phone, site, "JONO")).contains("R2"), "joined again with a new ticket");
            assertEquals(200, api.postJson(base + "/tickets/" + first + "/requeue", token, "").status());
            assertEquals(200, api.postJson(base + "/tickets/" + first + "/call", token, "{\"desk\":\"1\"}").status());

            HttpApiGateway.Response served = api.postJson(base + "/tickets/" + first + "/served", token, "");

            assertEquals(200, served.status(), served.body());
            assertTrue(messageText(text(phone, site, "STATUS")).contains("R2"), "the new ticket is still theirs");
        }

        @Test
        void remove_shouldTakeAJunkTicketOffTheQueue_forStaffOfTheSiteOnly_owingNoSms() {
            Site site = newSite('J');
            Site other = newSite('K');
            String phone = newPhone();
            String code = ticketCode(messageText(text(phone, site, "JONO")));
            String path = "/staff/api/sites/" + site.id() + "/tickets/" + code.substring(1) + "/remove";

            HttpApiGateway.Response otherSite = api.postJson(path, staffToken("olli", other), "");
            HttpApiGateway.Response removed = api.postJson(path, staffToken("junk", site), "");
            HttpApiGateway.Response again = api.postJson(path, staffToken("junk", site), "");

            assertEquals(403, otherSite.status(), otherSite.body());
            assertEquals(200, removed.status(), removed.body());
            assertEquals("REMOVED", removed.json().get("status").asText());
            assertEquals(409, again.status(), again.body());
            assertTrue(again.json().get("error").asText().contains(code), again.body());
            String status = messageText(text(phone, site, "STATUS"));
            assertTrue(status.contains("JONO") && !status.contains(code), "not in the queue any more: " + status);
        }

        @Test
        void staffRoutes_shouldNeedTheUserPoolsToken_andStaffOfTheSite() {
            Site site = newSite('A');
            Site other = newSite('B');

            HttpApiGateway.Response anonymous = api.get("/staff/api/sites/" + site.id() + "/queue", Map.of());
            assertEquals(401, anonymous.status(), "API Gateway's JWT authorizer refuses it");
            assertEquals(401, api.get("/staff/api/me", bearer("not.a.token")).status());
            HttpApiGateway.Response otherSite = api.get("/staff/api/sites/" + site.id() + "/queue",
                    bearer(staffToken("olli", other)));
            assertEquals(403, otherSite.status(), otherSite.body());
            HttpApiGateway.Response me = api.get("/staff/api/me", bearer(staffToken("aino", site)));
            assertEquals(200, me.status(), me.body());
            assertEquals("aino", me.json().get("username").asText());
        }

        @Test
        void publicRoutes_shouldServeThePagesTheLobbyAndHowToSignIn() {
            Site site = newSite('P');
            HttpApiGateway.Response page = api.get("/staff/index.html", Map.of());
            assertEquals(200, page.status());
            assertTrue(page.body().contains("<html"), page.body());
            assertEquals(200, api.get("/staff/staff.js", Map.of()).status());
            assertEquals(200, api.get("/lobby/index.html", Map.of()).status());
            HttpApiGateway.Response calls = api.get("/lobby/api/sites/" + site.id() + "/calls", Map.of());
            assertEquals(200, calls.status(), calls.body());
            assertEquals("Fidelity", calls.json().get("siteName").asText());
            HttpApiGateway.Response signIn = api.get("/staff/api/sign-in", Map.of());
            assertEquals("cognito", signIn.json().get("method").asText());
            assertEquals(stack.context.userPoolClientId(), signIn.json().get("cognitoClientId").asText());
            assertEquals(200, api.get("/staff/api/languages", Map.of()).status());
        }

        @Test
        void internalError_shouldGiveTheCallerAReferenceOnly_andKeepTheDetailInTheLogUnderIt() {
            try (DenyingDynamo denying = new DenyingDynamo();
                 DeployedStack.Isolated staff = stack.functionBehind("StaffApiFunction",
                         Map.of("dynamodb." + stack.context.region() + ".amazonaws.com", denying.endpoint()))) {
                HttpApiGateway behindDenial = new HttpApiGateway(stack, id -> staff.function());

                HttpApiGateway.Response lobby = behindDenial.get("/lobby/api/sites/demo/calls", Map.of());

                assertEquals(500, lobby.status(), lobby.body());
                String error = lobby.json().get("error").asText();
                for (String internal : List.of("arn:", "123456789012", "AccessDenied", "assumed-role", "Request ID",
                        "dynamodb")) {
                    assertFalse(error.contains(internal), "the public lobby route told its caller: " + error);
                }
                java.util.regex.Matcher reference = java.util.regex.Pattern.compile("[0-9a-f-]{36}").matcher(error);
                assertTrue(reference.find(), "no reference in: " + error);
                String log = staff.function().output();
                assertTrue(log.lines().anyMatch(line -> line.contains(reference.group())
                        && line.contains("AccessDeniedException")), "the log has the detail under " + reference.group());
            }
        }

        @Test
        void walkIn_withAHugeTopic_shouldBeRefusedNamingTheField_beforeATicketNumberIsUsed() {
            Site site = newSite('H');
            String token = staffToken("walkins", site);
            String base = "/staff/api/sites/" + site.id();
            int before = api.postJson(base + "/walk-ins", token, "{\"name\":\"A\",\"language\":\"fi\"}")
                    .json().get("number").asInt();

            HttpApiGateway.Response huge = api.postJson(base + "/walk-ins", token,
                    "{\"name\":\"B\",\"language\":\"fi\",\"topic\":\"" + "T".repeat(600 * 1024) + "\"}");
            HttpApiGateway.Response unknown = api.postJson(base + "/walk-ins", token,
                    "{\"name\":\"C\",\"language\":\"fi\",\"topic\":\"HOUSING\"}");

            assertTrue(huge.status() == 413 || huge.status() == 400, huge.status() + ": " + huge.body());
            assertEquals(400, unknown.status(), unknown.body());
            assertTrue(unknown.json().get("error").asText().startsWith("topic:"), unknown.body());
            assertEquals(before + 1, api.postJson(base + "/walk-ins", token, "{\"name\":\"D\",\"language\":\"fi\"}")
                    .json().get("number").asInt(), "no ticket number was used up");
        }
    }

    @Nested
    @Order(3)
    class OutboxSenderFunction extends DeployedScenarios {

        @Test
        void streamBatch_shouldSendTheYourTurnSms_throughTwiliosApiOverTls() {
            Site site = newSite('O');
            String phone = newPhone();
            text(phone, site, "JONO");
            try (DynamoStreamEvents stream = DynamoStreamEvents.open(stack.dynamo.endpoint(), DeployedStack.TABLE,
                    stack.template, "OutboxSenderFunction", "NewOutboxMessages")) {
                assertEquals(200, api.postJson("/staff/api/sites/" + site.id() + "/call-next",
                        staffToken("outbox", site), "{\"desk\":\"4\"}").status());
                List<String> batches = stream.nextBatches();
                assertEquals(1, batches.size(), "only the new outbox item passes the template's filter");

                LambdaRuntimeApi.Outcome outcome = stack.function("OutboxSenderFunction").invoke(batches.get(0));

                assertTrue(outcome instanceof LambdaRuntimeApi.Outcome.Answered, outcome.toString());
                assertTrue(((LambdaRuntimeApi.Outcome.Answered) outcome).payload().contains("\"sent\":1"),
                        outcome.toString());
            }
            List<String> sms = smsTo(phone);
            assertEquals(1, sms.stream().filter(body -> body.contains("4")).count(), "your turn, desk 4: " + sms);
        }

        @Test
        void scheduledRun_shouldDropAYourTurnSms_whoseVisitorWasServedBeforeItCouldBeSent() {
            Site site = newSite('Q');
            String phone = newPhone();
            text(phone, site, "JONO");
            String token = staffToken("stale", site);
            String base = "/staff/api/sites/" + site.id();
            int number = api.postJson(base + "/call-next", token, "{\"desk\":\"5\"}").json().get("number").asInt();
            assertEquals(200, api.postJson(base + "/tickets/" + number + "/served", token, "").status());

            LambdaRuntimeApi.Outcome outcome = stack.function("OutboxSenderFunction")
                    .invoke(new ScheduledEvents(stack.context.region(), stack.context.accountId())
                            .event("vuoro-OutboxSenderFunctionEveryMinute"));

            assertTrue(((LambdaRuntimeApi.Outcome.Answered) outcome).payload().contains("\"dropped\":"), outcome.toString());
            // The one SMS the served visit owes is the feedback invitation; "your turn, desk 5" is not sent.
            assertTrue(smsTo(phone).stream().noneMatch(body -> body.contains("5") && !body.contains("/f/")),
                    "a 'your turn' for a visit already served is never sent: " + smsTo(phone));
        }
    }

    @Nested
    @Order(4)
    class OutboxSenderMeetsAnUnsubscribedNumber extends DeployedScenarios {

        @Test
        void scheduledRun_shouldDropTheSmsTwilioRefusesWith21610_andMarkTheTicketCannotBeTexted() {
            Site site = newSite('U');
            String phone = newPhone();
            String code = ticketCode(messageText(text(phone, site, "JONO")));
            stack.twilio.optOut(phone);
            String token = staffToken("unsubscribed", site);
            String base = "/staff/api/sites/" + site.id();
            assertEquals(200, api.postJson(base + "/tickets/" + code.substring(1) + "/call", token,
                    "{\"desk\":\"2\"}").status());

            LambdaRuntimeApi.Outcome outcome = stack.function("OutboxSenderFunction")
                    .invoke(new ScheduledEvents(stack.context.region(), stack.context.accountId())
                            .event("vuoro-OutboxSenderFunctionEveryMinute"));

            assertTrue(((LambdaRuntimeApi.Outcome.Answered) outcome).payload().contains("\"dropped\":1"),
                    outcome.toString());
            assertTrue(smsTo(phone).isEmpty(), smsTo(phone).toString());
            HttpApiGateway.Response queue = api.get(base + "/queue", bearer(token));
            assertTrue(queue.body().contains("\"cannotBeTexted\":true"), queue.body());
        }
    }

    @Nested
    @Order(4)
    class NoShowSweepFunction extends DeployedScenarios {

        @Test
        void scheduledRun_shouldMarkAVisitorCalledLongerAgoThanTheGrace_andOweThemTheNoShowSms() {
            Site site = newSite('N');
            DynamoQueueStore queue = queue();
            PhoneProtector phones = stack.phones();
            String phone = newPhone();
            Instant now = Instant.now();
            ServiceDay day = ServiceDay.of(now);
            int number = queue.nextTicketNumber(site.id(), day, day.expiresAt(Duration.ofHours(48)));
            Ticket ticket = Ticket.joinedBySms(site.id(), day, number, TicketCode.of('N', number), "fi",
                    Optional.empty(), false, phones.hash(phone), phones.encrypt(phone), now,
                    day.expiresAt(Duration.ofHours(48)));
            queue.createTicket(ticket);
            assertTrue(DirectChanges.call(queue, ticket, "1", now.minus(site.noShowGrace()).minusSeconds(60), Optional.empty()));

            LambdaRuntimeApi.Outcome outcome = stack.function("NoShowSweepFunction")
                    .invoke(new ScheduledEvents(stack.context.region(), stack.context.accountId())
                            .event("vuoro-NoShowSweepFunctionEveryMinute"));

            assertTrue(outcome instanceof LambdaRuntimeApi.Outcome.Answered, outcome.toString());
            assertEquals("NO_SHOW", queue.find(ticket.ref(), now).orElseThrow().status().name());
        }

        @Test
        void scheduledRun_shouldCorrectTheDaysCountOfWaiting_whenADrawWasLeftWithoutItsTicket() {
            Site site = newSite('W');
            Instant now = Instant.now();
            ServiceDay day = ServiceDay.of(now);
            Map<String, AttributeValue> counterKey = Map.of(
                    "PK", AttributeValue.fromS(Keys.day(site.id(), day)), "SK", AttributeValue.fromS(Keys.COUNTER));
            // A join drew a number two minutes ago and never wrote its ticket: the day counts one waiting too many.
            Map<String, AttributeValue> counter = new java.util.HashMap<>(counterKey);
            counter.put("nextNumber", AttributeValue.fromN("1"));
            counter.put("waiting", AttributeValue.fromN("1"));
            counter.put("lastDrawAt", AttributeValue.fromN(Long.toString(now.minusSeconds(120).toEpochMilli())));
            counter.put("expiresAt", AttributeValue.fromN(Long.toString(
                    day.expiresAt(Duration.ofHours(48)).getEpochSecond())));
            stack.dynamo.client().putItem(b -> b.tableName(DeployedStack.TABLE).item(counter));

            LambdaRuntimeApi.Outcome outcome = stack.function("NoShowSweepFunction")
                    .invoke(new ScheduledEvents(stack.context.region(), stack.context.accountId())
                            .event("vuoro-NoShowSweepFunctionEveryMinute"));

            assertTrue(outcome instanceof LambdaRuntimeApi.Outcome.Answered, outcome.toString());
            assertEquals("0", stack.dynamo.client().getItem(b -> b.tableName(DeployedStack.TABLE).key(counterKey)
                    .consistentRead(true)).item().get("waiting").n(), "the count of waiting matches the tickets");
        }
    }

    @Nested
    @Order(5)
    class InterpreterMatchingAcrossFunctions extends DeployedScenarios {

        private static final Pattern YES_CODE = Pattern.compile("YES (\\d+)");

        private String coordinatorToken(Site site) {
            return stack.cognito.accessToken("koordinaattori", List.of("coordinator-" + site.id()));
        }

        private HttpApiGateway.Response register(Site site, String token, String name, String phone,
                                                 String languages) {
            return api.postJson("/staff/api/sites/" + site.id() + "/interpreters", token, "{\"name\":\"" + name
                    + "\",\"phone\":\"" + phone + "\",\"language\":\"en\",\"languages\":" + languages
                    + ",\"sites\":[\"" + site.id() + "\"]}");
        }

        private void sendOwedSms(DynamoStreamEvents stream) {
            for (String batch : stream.nextBatches()) {
                LambdaRuntimeApi.Outcome outcome = stack.function("OutboxSenderFunction").invoke(batch);
                assertTrue(outcome instanceof LambdaRuntimeApi.Outcome.Answered, outcome.toString());
            }
        }

        private String offerCode(String phone) {
            Matcher offer = YES_CODE.matcher(smsTo(phone).stream().filter(body -> body.contains("YES"))
                    .reduce((first, second) -> second).orElseThrow(() -> new AssertionError("no offer to " + phone)));
            assertTrue(offer.find());
            return offer.group(1);
        }

        @Test
        void aDariVisitor_shouldGetTheCoordinatorsInterpretersOffered_theFirstYesConfirms_andHereLetsStaffCall() {
            Site site = newSite('I');
            String coordinator = coordinatorToken(site);
            String first = newPhone();
            String second = newPhone();
            HttpApiGateway.Response added = register(site, coordinator, "Parisa", first, "[\"fa\"]");
            assertEquals(201, added.status(), added.body());
            assertEquals(201, register(site, coordinator, "Hamid", second, "[\"fa\",\"ar\"]").status());
            HttpApiGateway.Response listed = api.get("/staff/api/sites/" + site.id() + "/interpreters",
                    bearer(coordinator));
            assertEquals(200, listed.status(), listed.body());
            assertFalse(listed.body().contains(first.substring(4, 10)), "numbers are shown masked: " + listed.body());
            assertEquals(403, api.get("/staff/api/sites/" + site.id() + "/interpreters",
                    bearer(staffToken("aino", site))).status(), "staff who do not coordinate the site");
            String visitor = newPhone();

            try (DynamoStreamEvents stream = DynamoStreamEvents.open(stack.dynamo.endpoint(), DeployedStack.TABLE,
                    stack.template, "OutboxSenderFunction", "NewOutboxMessages")) {
                String code = ticketCode(messageText(text(visitor, site, "JOIN FA")));
                sendOwedSms(stream);
                String yes = messageText(text(first, site, "YES " + offerCode(first)));
                String taken = messageText(text(second, site, "YES " + offerCode(second)));
                assertTrue(yes.contains(code), "the confirmation names the ticket: " + yes);
                assertFalse(taken.contains(code), "the second yes is told it is taken: " + taken);

                String token = staffToken("desk", site);
                String base = "/staff/api/sites/" + site.id();
                JsonNode interpreter = api.get(base + "/queue", bearer(token)).json().get("tickets").get(0)
                        .get("interpreter");
                assertEquals("CONFIRMED", interpreter.get("status").asText(), interpreter.toString());
                assertEquals("Parisa", interpreter.get("confirmedBy").get("name").asText());
                assertEquals(409, api.postJson(base + "/call-next", token, "{\"desk\":\"2\"}").status(),
                        "nobody else waits and the interpreter is not there yet");

                text(first, site, "HERE");
                HttpApiGateway.Response called = api.postJson(base + "/call-next", token, "{\"desk\":\"2\"}");
                assertEquals(200, called.status(), called.body());
                assertEquals(code, called.json().get("code").asText());
                sendOwedSms(stream);
            }
            assertTrue(smsTo(first).stream().anyMatch(body -> body.contains("desk 2")), "desk SMS: " + smsTo(first));
        }

        @Test
        void staffActions_shouldRequestCancelAndMarkArrival_ofAnInterpreterForATicket() {
            Site site = newSite('J');
            String coordinator = coordinatorToken(site);
            assertEquals(201, register(site, coordinator, "Ayaan", newPhone(), "[\"so\"]").status());
            String token = staffToken("desk", site);
            String base = "/staff/api/sites/" + site.id();
            HttpApiGateway.Response walkIn = api.postJson(base + "/walk-ins", token,
                    "{\"name\":\"S. A.\",\"language\":\"so\"}");
            int number = walkIn.json().get("number").asInt();
            JsonNode asked = api.get(base + "/queue", bearer(token)).json().get("tickets").get(0).get("interpreter");
            assertEquals("OFFERING", asked.get("status").asText(), "staff do not speak Somali: " + asked);

            HttpApiGateway.Response cancelled = api.send("DELETE", base + "/tickets/" + number + "/interpreter",
                    bearer(token), "");
            assertEquals(200, cancelled.status(), cancelled.body());
            assertEquals("CANCELLED", cancelled.json().get("status").asText());
            HttpApiGateway.Response requested = api.postJson(base + "/tickets/" + number + "/interpreter", token, "");
            assertEquals(200, requested.status(), requested.body());
            assertEquals("OFFERING", requested.json().get("status").asText(), "asked again");
            HttpApiGateway.Response arrived = api.postJson(base + "/tickets/" + number + "/interpreter/arrived",
                    token, "");
            assertEquals(409, arrived.status(), "nobody has confirmed yet: " + arrived.body());
        }
    }

    @Nested
    @Order(6)
    class InterpreterWavesFunction extends DeployedScenarios {

        @Test
        void scheduledRun_shouldAskTheNextWave_whenTheFirstWentUnansweredPastTheReplyTime() {
            Site site = newSite('K').withInterpreting(new InterpreterPolicy(1, Duration.ofMinutes(1), false));
            new DynamoSiteDirectory(stack.dynamo.client(), new TableName(DeployedStack.TABLE), Clock.systemUTC())
                    .save(site);
            DynamoInterpreterStores stores = new DynamoInterpreterStores(stack.dynamo.client(),
                    new TableName(DeployedStack.TABLE));
            PhoneProtector phones = stack.phones();
            for (String name : List.of("Leyla", "Rahim")) {
                String phone = newPhone();
                stores.create(new Interpreter(name.toLowerCase() + site.id(), name, phones.hash(phone),
                        phones.encrypt(phone), "en", Set.of("fa"), Set.of(site.id()), OpeningHours.always(),
                        Optional.empty(), true, Optional.empty(), Optional.empty(), 0));
            }
            Instant threeMinutesAgo = Instant.now().minus(Duration.ofMinutes(3));
            DynamoQueueStore queue = queue();
            ServiceDay day = ServiceDay.of(threeMinutesAgo);
            int number = queue.nextTicketNumber(site.id(), day, day.expiresAt(Duration.ofHours(48)));
            String visitor = newPhone();
            Ticket ticket = Ticket.joinedBySms(site.id(), day, number, TicketCode.of('K', number), "fa",
                    Optional.empty(), true, phones.hash(visitor), phones.encrypt(visitor), threeMinutesAgo,
                    day.expiresAt(Duration.ofHours(48)));
            queue.createTicket(ticket);
            InterpreterService threeMinutesBefore = new InterpreterService(
                    new DynamoSiteDirectory(stack.dynamo.client(), new TableName(DeployedStack.TABLE),
                            Clock.systemUTC()), queue, stores, stores, new InterpreterSms(MessageCatalogue.loadDefault()),
                    siteId -> ServiceHistory.NONE, Clock.fixed(threeMinutesAgo, java.time.ZoneOffset.UTC));
            assertEquals(1, threeMinutesBefore.request(site, ticket, threeMinutesAgo).wave());

            LambdaRuntimeApi.Outcome outcome = stack.function("InterpreterWavesFunction")
                    .invoke(new ScheduledEvents(stack.context.region(), stack.context.accountId())
                            .event("vuoro-InterpreterWavesFunctionEveryMinute"));

            assertTrue(outcome instanceof LambdaRuntimeApi.Outcome.Answered, outcome.toString());
            assertTrue(((LambdaRuntimeApi.Outcome.Answered) outcome).payload().contains("\"moved\":"),
                    outcome.toString());
            InterpreterRequest moved = stores.find(ticket.ref(), Instant.now()).orElseThrow();
            assertEquals(2, moved.wave(), "the unanswered first wave expired and the other interpreter is asked");
        }
    }

    @Nested
    @Order(7)
    class FeedbackFunction extends DeployedScenarios {

        private static final Pattern LINK = Pattern.compile("(https?://[^ ]+)/f/([A-Za-z0-9_-]+)");

        @Test
        void aServedVisitor_shouldBeOwedAFeedbackLinkToThePublicUrl_whoseFormTakesOneAnswer() {
            Site site = newSite('F');
            String phone = newPhone();
            text(phone, site, "JONO");
            String staff = staffToken("feedback", site);
            String base = "/staff/api/sites/" + site.id();
            int number = api.postJson(base + "/call-next", staff, "{\"desk\":\"1\"}").json().get("number").asInt();
            assertEquals(200, api.postJson(base + "/tickets/" + number + "/served", staff, "").status());

            String id = site.id() + "." + ServiceDay.of(Instant.now()).date() + "." + number + ".feedback";
            Map<String, AttributeValue> owed = stack.dynamo.client().getItem(b -> b.tableName(DeployedStack.TABLE)
                    .key(Map.of("PK", AttributeValue.fromS("OUTBOX#" + id), "SK", AttributeValue.fromS("MSG")))
                    .consistentRead(true)).item();
            assertFalse(owed.isEmpty(), "the staff function owes the visitor the feedback SMS");
            Matcher link = LINK.matcher(owed.get("body").s());
            assertTrue(link.find(), owed.get("body").s());
            assertEquals(stack.publicBaseUrl(), link.group(1), "the link is built from the deployment's public URL");
            String form = "/f/" + link.group(2);

            HttpApiGateway.Response page = api.get(form, Map.of());
            assertEquals(200, page.status(), page.body());
            assertTrue(page.headers().get("content-type").startsWith("text/html"), page.headers().toString());
            assertTrue(page.body().contains("<form") && page.body().contains("name=\"helped\""), page.body());
            Map<String, String> posted = Map.of("content-type", "application/x-www-form-urlencoded");
            HttpApiGateway.Response thanks = api.send("POST", form, posted, "helped=5&understood=4&knows=3&comment=");
            assertEquals(200, thanks.status(), thanks.body());
            HttpApiGateway.Response again = api.send("POST", form, posted, "helped=1");
            assertEquals(200, again.status(), again.body());
            assertFalse(again.body().equals(thanks.body()), "a second submit says it was answered already");
            assertEquals(404, api.get("/f/notatokenofours", Map.of()).status());

            String coordinator = stack.cognito.accessToken("coordinator", List.of("coordinator-" + site.id()));
            String today = ServiceDay.of(Instant.now()).date().toString();
            HttpApiGateway.Response report = api.get(base + "/reports?from=" + today + "&to=" + today,
                    bearer(coordinator));
            assertEquals(200, report.status(), report.body());
            assertEquals(1, report.json().get("visits").get("served").asInt());
            assertEquals(1, report.json().get("feedback").get("responses").asInt());
            assertTrue(report.json().get("feedback").get("suppressed").asBoolean(), "one answer is not shown");
            assertEquals(403, api.get(base + "/reports?from=" + today + "&to=" + today, bearer(staff)).status());
            assertEquals(200, api.get(base + "/volunteers", bearer(coordinator)).status());
        }

        @Test
        void aServedWalkIn_shouldGetAPrintedCardWhoseLinkOpensTheForm() {
            Site site = newSite('W');
            String staff = staffToken("card", site);
            String base = "/staff/api/sites/" + site.id();
            HttpApiGateway.Response walkIn = api.postJson(base + "/walk-ins", staff,
                    "{\"name\":\"M. K.\",\"language\":\"fi\"}");
            assertEquals(201, walkIn.status(), walkIn.body());
            int number = walkIn.json().get("number").asInt();
            assertEquals(200, api.postJson(base + "/tickets/" + number + "/call", staff, "{\"desk\":\"1\"}").status());
            assertEquals(200, api.postJson(base + "/tickets/" + number + "/served", staff, "").status());

            HttpApiGateway.Response card = api.postJson(base + "/tickets/" + number + "/feedback-link", staff, "");

            assertEquals(200, card.status(), card.body());
            Matcher link = LINK.matcher(card.json().get("link").asText());
            assertTrue(link.matches(), card.body());
            assertTrue(card.json().get("qrSvg").asText().startsWith("<svg"), card.body());
            assertEquals(200, api.get("/f/" + link.group(2), Map.of()).status());
        }
    }

    @Nested
    @Order(8)
    class RolesAgainstRealUse extends IamFromRealUse {
    }

    @Nested
    @Order(9)
    class LogsOfTheDeployedFunctions {

        @Test
        void noLogLineOfAnyFunction_shouldCarryAPhoneNumber() {
            Map<String, DeployedFunction> started = DeployedStack.shared().started();
            assertFalse(started.isEmpty());
            for (Map.Entry<String, DeployedFunction> function : started.entrySet()) {
                List<String> lines = function.getValue().outputLines();
                assertTrue(lines.size() > 2, function.getKey() + " logged nothing: the check would prove nothing");
                for (String line : lines) {
                    assertFalse(line.matches(".*\\+?358[0-9]{6,}.*"), function.getKey() + " logged a number: " + line);
                }
            }
        }
    }
}
