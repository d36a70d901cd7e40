package fi.vuoro.testkit.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteSelectionTest {

    private final HttpApiRoutes shop = HttpApiRoutes.of(RouteTemplates.load("route-precedence.yaml"), "ShopApi");

    @Test
    void select_shouldRouteAsTheDocumentedExample_whenRoutesOverlap() {
        assertEquals("GET /pets/dog/{id}", selected("GET", "/pets/dog/1"));
        assertEquals("GET /pets/{proxy+}", selected("GET", "/pets/cat/1"));
        assertEquals("ANY /{proxy+}", selected("POST", "/test/5"));
    }

    @Test
    void select_shouldPreferTheExactPath_whenAPathVariableAlsoMatches() {
        assertEquals("GET /pets/dog/rex", selected("GET", "/pets/dog/rex"));
        assertEquals(List.of("GET /pets/dog/rex", "GET /pets/dog/{id}", "GET /pets/{proxy+}", "ANY /{proxy+}", "$default"),
                candidateKeys("GET", "/pets/dog/rex"));
    }

    @Test
    void select_shouldPreferAFullMatch_whenAGreedyRouteHasTheLongerLiteralPrefix() {
        assertEquals("GET /a/{x}/c", selected("GET", "/a/b/c"));
        assertEquals("GET /a/b/{proxy+}", selected("GET", "/a/b/d"));
    }

    @Test
    void select_shouldPreferTheLongerFixedPart_whenOnlyGreedyRoutesMatch() {
        assertEquals("GET /toys/boxes/{proxy+}", selected("GET", "/toys/boxes/red"));
        assertEquals("GET /toys/{kind}/{proxy+}", selected("GET", "/toys/cars/red"));
        assertEquals("GET /toys/{proxy+}", selected("GET", "/toys/cars"));
    }

    @Test
    void select_shouldPreferTheRequestsMethodOverAny_whenBothAreOnTheSamePath() {
        HttpApiRoute read = shop.select("GET", "/shop/items/7").orElseThrow();
        HttpApiRoute delete = shop.select("DELETE", "/shop/items/7").orElseThrow();

        assertEquals("GET /shop/items/{id}", read.routeKey());
        assertTrue(read.isPublic());
        assertEquals("ANY /shop/items/{id}", delete.routeKey());
        assertEquals(Optional.of("StaffJwt"), delete.authorizer());
    }

    @Test
    void select_shouldFallBackToDefault_whenNoOtherRouteTakesThePath() {
        assertEquals("$default", selected("GET", "/"));
        assertEquals(List.of("$default"), candidateKeys("GET", "/"));
    }

    @Test
    void select_shouldIgnoreTheQueryString_whenMatchingThePath() {
        assertEquals("GET /pets/dog/rex", selected("GET", "/pets/dog/rex?size=large&colour=brown"));
    }

    @Test
    void candidates_shouldLeaveOutRoutesOfOtherMethods_whenPathMatchesThem() {
        assertEquals(List.of("ANY /{proxy+}", "$default"), candidateKeys("POST", "/pets/dog/1"));
    }

    @Test
    void candidates_shouldFail_whenMethodIsNotOneARequestCarries() {
        assertThrows(IllegalArgumentException.class, () -> shop.candidates("ANY", "/pets/dog/1"));
        assertThrows(IllegalArgumentException.class, () -> shop.candidates("get", "/pets/dog/1"));
        assertThrows(IllegalArgumentException.class, () -> shop.select("BREW", "/pets/dog/1"));
    }

    private String selected(String method, String path) {
        return shop.select(method, path).map(HttpApiRoute::routeKey).orElse("(none)");
    }

    private List<String> candidateKeys(String method, String path) {
        return shop.candidates(method, path).stream().map(HttpApiRoute::routeKey).toList();
    }
}
