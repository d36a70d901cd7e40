/**
 * Which route of an HTTP API takes a request, and whether that route asks for a token, told from
 * {@code template.yaml} alone: {@link fi.vuoro.testkit.routes.HttpApiRoutes} reads an API's routes as SAM creates
 * them and chooses among them by API Gateway's documented route priorities, so tests can prove that a path is behind
 * an authorizer before anything is deployed.
 */
package fi.vuoro.testkit.routes;
