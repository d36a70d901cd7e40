package fi.vuoro.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Where the staff pages send their Cognito sign-in: the region's endpoint unless one is set. */
class CognitoEndpointTest {

    @Test
    void inAws_theStaffPagesSignInAtTheRegionsCognitoEndpoint() {
        VuoroConfiguration config = new VuoroConfiguration();
        config.setCognitoRegion("eu-north-1");
        assertEquals("https://cognito-idp.eu-north-1.amazonaws.com/", config.getCognitoEndpoint());
    }

    @Test
    void aSetEndpoint_replacesTheRegionsOne_andWithoutEitherThereIsNone() {
        VuoroConfiguration config = new VuoroConfiguration();
        config.setCognitoRegion("eu-north-1");
        config.setCognitoEndpoint("http://127.0.0.1:4566/");
        assertEquals("http://127.0.0.1:4566/", config.getCognitoEndpoint());
        config.setCognitoEndpoint(" ");
        assertEquals("https://cognito-idp.eu-north-1.amazonaws.com/", config.getCognitoEndpoint());
        assertNull(new VuoroConfiguration().getCognitoEndpoint());
    }
}
