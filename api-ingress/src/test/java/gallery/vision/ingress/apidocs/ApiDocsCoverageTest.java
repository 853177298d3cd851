package gallery.vision.ingress.apidocs;

import gallery.vision.common.ApiError;
import gallery.vision.ingress.access.OpenRoutes;
import gallery.vision.ingress.support.EmbeddedIngressTest;
import gallery.vision.ingress.support.Http;
import gallery.vision.ingress.web.RouteErrors;
import gallery.vision.ingress.web.RouteErrors.Route;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static gallery.vision.ingress.support.JsonErrors.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served API description and the running service agree: every route and method Spring MVC has registered for
 * our controllers is documented and nothing else is; each operation documents exactly the error statuses that
 * {@link RouteErrors} gives its route (derived from the route: its path, the body types it takes) and one success
 * status; the headers that come with an error are documented with it; and so are the answers to requests that
 * match no route. A new controller method or a new {@link ApiError} fails here until it is documented.
 */
@EmbeddedIngressTest(properties = "API_DOCS=true")
class ApiDocsCoverageTest {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    JsonNode document;

    @BeforeEach
    void fetchDocument() {
        HttpResponse<String> response = new Http(port).get("/v3/api-docs");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        document = json(response);
    }

    @Test
    void isOpenApi31() {
        assertThat(document.get("openapi").asString()).startsWith("3.1.");
    }

    @Test
    void documentsEveryRouteAndMethodTheServiceServesAndNoOther() {
        assertThat(documentedOperations().keySet()).containsExactlyInAnyOrderElementsOf(routes().keySet());
    }

    @Test
    void documentsExactlyTheErrorStatusesEachRouteCanAnswer() {
        Map<String, Set<Integer>> expected = new TreeMap<>();
        Map<String, Set<Integer>> documented = new TreeMap<>();
        routes().forEach((key, route) -> {
            expected.put(key, statuses(RouteErrors.of(route)));
            documented.put(key, responseCodes(operation(key)).stream().filter(code -> code >= 300)
                    .collect(Collectors.toCollection(TreeSet::new)));
        });
        assertThat(documented).isEqualTo(expected);
    }

    @Test
    void documentsOneSuccessStatusPerRoute() {
        routes().keySet().forEach(key -> assertThat(responseCodes(operation(key)).stream().filter(code -> code < 300))
                .as(key).hasSize(1));
    }

    @Test
    void documentsTheHeadersThatComeWithErrors() {
        routes().forEach((key, route) -> RouteErrors.of(route).forEach(error -> {
            JsonNode response = resolve(operation(key).get("responses").get(Integer.toString(error.status())));
            assertThat(headerNames(response)).as("%s %s", key, error).containsAll(headersOf(error));
        }));
    }

    @Test
    void documentsTheAnswersToRequestsThatMatchNoRoute() {
        JsonNode unrouted = document.get("x-unrouted-responses");
        assertThat(unrouted).as("x-unrouted-responses").isNotNull();
        Set<Integer> documented = unrouted.propertyNames().stream().map(Integer::valueOf)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(documented).isEqualTo(statuses(RouteErrors.unrouted()));
        RouteErrors.unrouted().forEach(error -> assertThat(
                headerNames(resolve(unrouted.get(Integer.toString(error.status()))))).containsAll(headersOf(error)));
        assertThat(headerNames(resolve(unrouted.get("405")))).contains("Allow");
    }

    @Test
    void documentsErrorsAsJsonWithAnErrorField() {
        routes().keySet().forEach(key -> operation(key).get("responses").properties().stream()
                .filter(entry -> Integer.parseInt(entry.getKey()) >= 300)
                .forEach(entry -> assertThat(resolve(resolve(entry.getValue())
                        .at("/content/application~1json/schema")).get("required").toString())
                        .as("%s %s", key, entry.getKey()).isEqualTo("[\"error\"]")));
    }

    @Test
    void requiresTheBearerTokenExactlyOnTheProtectedRoutes() {
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(document.at("/security/0").propertyNames()).containsExactly("bearer");
        routes().forEach((key, route) -> {
            JsonNode security = operation(key).get("security");
            boolean open = security != null && security.isEmpty();
            assertThat(open).as(key).isEqualTo(OpenRoutes.isOpen(route.path()));
        });
    }

    @Test
    void documentsTheRequestBodyTypesEachRouteTakes() {
        routes().forEach((key, route) -> {
            JsonNode body = operation(key).get("requestBody");
            Set<String> documented = body == null ? Set.of() : resolve(body).get("content").propertyNames()
                    .stream().collect(Collectors.toSet());
            Set<String> taken = route.consumes().stream().map(MediaType::toString).collect(Collectors.toSet());
            assertThat(documented).as(key).isEqualTo(taken);
        });
    }

    /** Our controllers' routes, as {@code "POST /faces"}: Spring's registered mappings, not a list kept here. */
    private Map<String, Route> routes() {
        Map<String, Route> routes = new HashMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            Class<?> controller = mapping.getValue().getBeanType();
            if (!controller.getPackageName().startsWith("gallery.vision.ingress")
                    || ErrorController.class.isAssignableFrom(controller)) {
                continue;
            }
            RequestMappingInfo info = mapping.getKey();
            assertThat(info.getMethodsCondition().getMethods()).as("HTTP methods of %s", mapping.getValue())
                    .isNotEmpty();
            Set<MediaType> consumes = Set.copyOf(info.getConsumesCondition().getConsumableMediaTypes());
            for (String path : info.getPatternValues()) {
                info.getMethodsCondition().getMethods().forEach(method -> routes.put(method + " " + path,
                        new Route(method.name(), path, consumes)));
            }
        }
        assertThat(routes).isNotEmpty();
        return routes;
    }

    private Map<String, JsonNode> documentedOperations() {
        Map<String, JsonNode> operations = new HashMap<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(entry -> HTTP_METHODS.contains(entry.getKey()))
                .forEach(entry -> operations.put(entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(),
                        entry.getValue())));
        return operations;
    }

    private JsonNode operation(String key) {
        JsonNode operation = documentedOperations().get(key);
        assertThat(operation).as("documented operation %s", key).isNotNull();
        return operation;
    }

    private static Set<Integer> responseCodes(JsonNode operation) {
        return operation.get("responses").propertyNames().stream().map(Integer::valueOf).collect(Collectors.toSet());
    }

    private static Set<Integer> statuses(Set<ApiError> errors) {
        return errors.stream().map(ApiError::status).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The headers the service sends with {@code error}: {@code ApiErrorRenderer}'s and the access filter's. */
    private static Set<String> headersOf(ApiError error) {
        Set<String> headers = new HashSet<>();
        if (error.retryable() || error == ApiError.RATE_LIMITED) {
            headers.add("Retry-After");
        }
        if (error == ApiError.MISSING_TOKEN || error == ApiError.INVALID_TOKEN) {
            headers.add("WWW-Authenticate");
        }
        if (error == ApiError.METHOD_NOT_ALLOWED) {
            headers.add("Allow");
        }
        return headers;
    }

    private static Set<String> headerNames(JsonNode response) {
        JsonNode headers = response.get("headers");
        return headers == null ? Set.of() : Set.copyOf(headers.propertyNames());
    }

    private JsonNode resolve(JsonNode node) {
        assertThat(node).isNotNull();
        JsonNode ref = node.get("$ref");
        return ref == null ? node : resolve(document.at(ref.asString().substring(1)));
    }
}
