package fi.vuoro.local.browser.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.local.LocalRuntime;
import fi.vuoro.local.LocalSettings;
import fi.vuoro.local.LocalStaffAccounts;
import fi.vuoro.local.LocalTokenIssuer;
import fi.vuoro.testkit.lambda.FakeCognito;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The first sign-in of a member a coordinator has just added, as it goes in AWS, in real headless Chromium: the staff
 * page signs in against Cognito's sign-in API (here a loopback stand-in at the endpoint the sign-in configuration
 * names, answering as Cognito does, with CORS), which asks for a new password in place of the emailed temporary one;
 * the page asks for it twice with the pool's rules, shows Cognito's refusal of a weak one and stays on the step, begins
 * the step again by itself when its session has ended, and signs the member in with a good one: the live queue shows.
 * The stand-in's access tokens are signed by the local runtime's issuer from the member's roles there (as the user
 * pool's groups would be), so the staff API checks them exactly as in AWS. What this does not prove is the real
 * Cognito's wording and policy checks, which the stand-in copies. Skipped where Chromium is not installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NewPasswordBrowserIT {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final String MEMBER = "mira";
    /** As Cognito emails it to the new member. */
    private static final String TEMPORARY_PASSWORD = "Tq7#kd2Lp0xZ";
    private static final String OWN_PASSWORD = "Sininen-Lintu-42";

    private static FakeCognito cognito;
    private static LocalRuntime runtime;
    private static Chromium chromium;
    private static WebDriver browser;
    private static StaffPages page;

    @BeforeAll
    static void startCognito_theServiceSigningInAgainstIt_andABrowser() throws IOException {
        List<String> missing = Chromium.missing();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "Chromium and chromedriver are not installed: "
                + String.join(", ", missing) + " missing (apt-get install chromium chromium-driver)");
        cognito = FakeCognito.start("eu-north-1_Staff", 60).signingIn(LocalTokenIssuer.CLIENT_ID, username ->
                runtime.context().getBean(LocalTokenIssuer.class).issue(runtime.context()
                        .getBean(LocalStaffAccounts.class).account(username).orElseThrow()));
        runtime = LocalRuntime.start(new LocalSettings(freePort(), "test-auth-token-for-signatures", Clock.systemUTC()),
                Map.of("vuoro.staff-login-url", "",
                        "vuoro.cognito-region", "eu-north-1",
                        "vuoro.cognito-client-id", LocalTokenIssuer.CLIENT_ID,
                        "vuoro.cognito-endpoint", cognito.endpoint() + "/"));
        chromium = Chromium.start(1280, 900);
        browser = chromium.driver();
        page = new StaffPages(browser, PATIENCE);
    }

    @AfterAll
    static void stop() {
        try {
            if (chromium != null) {
                chromium.screenshot("new-password.png");
                chromium.close();
            }
        } finally {
            if (runtime != null) {
                runtime.close();
            }
            if (cognito != null) {
                cognito.close();
            }
        }
    }

    @Test
    @Order(1)
    void anInvitedMember_signingInWithTheTemporaryPassword_isAskedForANewOne_withThePoolsRules() throws Exception {
        String coordinator = runtime.context().getBean(LocalTokenIssuer.class).issue(LocalStaffAccounts.COORDINATOR);
        HttpResponse<String> added = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(runtime.baseUrl() + "/staff/api/sites/demo/staff/" + MEMBER))
                .header("Authorization", "Bearer " + coordinator).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"role\":\"staff\",\"email\":\"mira@example.org\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(added.statusCode() / 100 == 2, "the coordinator added mira: " + added.body());
        cognito.withTemporaryPassword(MEMBER, TEMPORARY_PASSWORD);

        browser.get(runtime.baseUrl() + "/staff/index.html");
        page.waitFor("the sign-in form", b -> page.shown(By.id("sign-in-username")) ? true : null);
        browser.findElement(By.id("sign-in-username")).sendKeys(MEMBER);
        browser.findElement(By.id("sign-in-password")).sendKeys(TEMPORARY_PASSWORD, Keys.ENTER);

        page.until("the new-password step", () -> page.shown(By.id("sign-in-new-password")));
        assertFalse(page.shown(By.id("sign-in-username")), "the first step is put away");
        assertEquals("sign-in-new-password", page.focused().getDomAttribute("id"), "the cursor is in the new field");
        assertTrue(page.text(By.id("new-password-intro")).contains("Welcome, mira."), page.text(By.id("new-password-intro")));
        assertEquals("At least 12 characters, with a lower-case and an upper-case letter, a digit and a symbol "
                + "(such as ! ? # or %).", page.text(By.id("new-password-policy")));
        assertEquals("new-password-intro new-password-policy",
                browser.findElement(By.id("sign-in-new-password")).getDomAttribute("aria-describedby"),
                "a screen reader reads the welcome and the rules with the field");
        assertEquals("Choose a password – Vuoro", browser.getTitle());
        assertEquals(List.of(), Axe.violations(browser), "the new-password step meets WCAG 2.1 AA");
        assertEquals(List.of("InitiateAuth"), cognito.operations());
    }

    @Test
    @Order(2)
    void twoDifferentPasswords_orATooWeakOne_areRefusedWithCognitosMessage_andTheMemberStaysOnTheStep() {
        WebElement password = browser.findElement(By.id("sign-in-new-password"));
        password.sendKeys("Sininen-Lintu-42");
        browser.findElement(By.id("sign-in-new-password-again")).sendKeys("Sininen-Lintu-24", Keys.ENTER);
        page.until("the passwords differ", () -> page.text(By.id("new-password-error"))
                .equals("The two passwords differ. Type the same new password in both fields."));
        assertEquals("sign-in-new-password-again", page.focused().getDomAttribute("id"));
        assertEquals(List.of("InitiateAuth"), cognito.operations(), "nothing was sent to Cognito");

        typeNewPassword("kesa2026!");
        page.until("Cognito's refusal", () -> page.text(By.id("new-password-error")).equals(
                "This password is not accepted: Password did not conform with policy: Password not long enough."));
        WebElement error = browser.findElement(By.id("new-password-error"));
        assertEquals("alert", error.getDomAttribute("role"), "the refusal is announced");
        assertTrue(page.shown(By.id("sign-in-new-password")), "still on the step");
        assertEquals("sign-in-new-password", page.focused().getDomAttribute("id"));
        assertFalse(cognito.confirmed(MEMBER));
        assertEquals(List.of(), Axe.violations(browser), "the step with its error meets WCAG 2.1 AA");
        chromium.screenshot("new-password-refused.png");

        typeNewPassword("kesakuu-2026!");
        page.until("Cognito's refusal of no capital", () -> page.text(By.id("new-password-error")).equals(
                "This password is not accepted: Password did not conform with policy: "
                        + "Password must have uppercase characters."));
        assertFalse(cognito.confirmed(MEMBER));
    }

    @Test
    @Order(3)
    void aGoodPassword_afterTheStepsSessionHasEnded_signsTheMemberIn_andTheLiveQueueShows() {
        cognito.expireChallengeSessions();
        cognito.forgetCalls();
        typeNewPassword(OWN_PASSWORD);
        page.until("mira signed in", () -> page.shown(By.id("session")) && MEMBER.equals(page.text(By.id("username"))));
        page.until("the live queue of Vuoro Demo", () -> page.shown(By.id("main"))
                && page.text(By.id("site-name")).equals("Vuoro Demo")
                && page.text(By.id("refreshed")).startsWith("Updates by itself"));
        assertFalse(page.shown(By.id("sign-in")), "the sign-in card is put away");
        assertEquals(List.of("RespondToAuthChallenge", "InitiateAuth", "RespondToAuthChallenge"), cognito.operations(),
                "the ended session was begun again with the temporary password, once");
        assertTrue(cognito.confirmed(MEMBER), "the new password is mira's now");
        assertEquals(OWN_PASSWORD, cognito.calls().get(2).body().path("ChallengeResponses").path("NEW_PASSWORD").asText());
        assertNotNull(((JavascriptExecutor) browser).executeScript(
                "return sessionStorage.getItem('vuoro.staff.refresh');"), "the refresh token is kept, as at any sign-in");
    }

    @Test
    @Order(4)
    void afterwards_theTemporaryPasswordNoLongerWorks_andTheOwnOneSignsStraightIn() {
        page.click(By.id("sign-out"));
        page.waitFor("the sign-in form", b -> page.shown(By.id("sign-in-username")) ? true : null);
        WebElement username = browser.findElement(By.id("sign-in-username"));
        username.clear();
        username.sendKeys(MEMBER);
        browser.findElement(By.id("sign-in-password")).sendKeys(TEMPORARY_PASSWORD, Keys.ENTER);
        page.until("Wrong username or password", () -> page.text(By.id("sign-in-error"))
                .equals("Wrong username or password."));
        WebElement password = browser.findElement(By.id("sign-in-password"));
        password.clear();
        password.sendKeys(OWN_PASSWORD, Keys.ENTER);
        page.until("the live queue for mira", () -> page.shown(By.id("main")) && MEMBER.equals(page.text(By.id("username"))));
        assertFalse(page.shown(By.id("sign-in-new-password")), "no new-password step this time");
    }

    @Test
    @Order(5)
    void signOut_revokesTheRefreshTokenAtCognito_whichThenRenewsNothing() throws Exception {
        String refreshToken = (String) ((JavascriptExecutor) browser).executeScript(
                "return sessionStorage.getItem('vuoro.staff.refresh');");
        assertNotNull(refreshToken);
        assertEquals(200, refreshAtCognito(refreshToken), "the refresh token renews while signed in");
        cognito.forgetCalls();

        page.click(By.id("sign-out"));
        page.waitFor("the sign-in form", b -> page.shown(By.id("sign-in-username")) ? true : null);
        page.waitForFeedback("You are signed out.", "info");
        assertEquals(List.of("RevokeToken"), cognito.operations());
        assertEquals(refreshToken, cognito.calls().get(0).body().path("Token").asText());
        assertEquals(LocalTokenIssuer.CLIENT_ID, cognito.calls().get(0).body().path("ClientId").asText());
        assertEquals(400, refreshAtCognito(refreshToken), "Cognito refuses a revoked refresh token");
    }

    private static int refreshAtCognito(String refreshToken) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(cognito.endpoint() + "/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.InitiateAuth")
                .POST(HttpRequest.BodyPublishers.ofString("{\"AuthFlow\":\"REFRESH_TOKEN_AUTH\",\"ClientId\":\""
                        + LocalTokenIssuer.CLIENT_ID + "\",\"AuthParameters\":{\"REFRESH_TOKEN\":\"" + refreshToken
                        + "\"}}")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void typeNewPassword(String password) {
        for (String field : List.of("sign-in-new-password", "sign-in-new-password-again")) {
            WebElement input = browser.findElement(By.id(field));
            input.clear();
            input.sendKeys(password);
        }
        browser.findElement(By.id("sign-in-new-password-again")).sendKeys(Keys.ENTER);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
