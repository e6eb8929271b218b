package io.khulasa.api;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import io.quarkus.arc.Arc;

/**
 * The methods each REST path takes, for the {@code Allow} header of a 405 (RFC 9110 § 15.5.6 requires it). Quarkus
 * REST answers a method it has no resource method for with a {@code NotAllowedException} that names none, so the
 * table is built once from the resource classes' own JAX-RS annotations: it cannot drift from what is served.
 */
final class AllowedMethods {

    private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})+))?}");

    private static volatile Map<Pattern, Set<String>> table;

    private AllowedMethods() {
    }

    /** The {@code Allow} value for a request path ("GET, HEAD, OPTIONS"), or null when no resource serves the path. */
    static String forPath(String path) {
        String normal = normalise(path);
        Set<String> methods = new TreeSet<>();
        for (Map.Entry<Pattern, Set<String>> route : table().entrySet()) {
            if (route.getKey().matcher(normal).matches()) {
                methods.addAll(route.getValue());
            }
        }
        if (methods.isEmpty()) {
            return null;
        }
        if (methods.contains(HttpMethod.GET)) {
            methods.add(HttpMethod.HEAD);
        }
        methods.add(HttpMethod.OPTIONS);
        return String.join(", ", methods);
    }

    private static Map<Pattern, Set<String>> table() {
        Map<Pattern, Set<String>> built = table;
        if (built == null) {
            List<Class<?>> resources = new ArrayList<>();
            for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                resources.add(bean.getBeanClass());
            }
            built = of(resources);
            table = built;
        }
        return built;
    }

    /** The table of the given classes; those that are not resource classes (no {@code @Path}, interfaces) count for nothing. */
    static Map<Pattern, Set<String>> of(List<Class<?>> classes) {
        Map<String, Set<String>> byTemplate = new LinkedHashMap<>();
        for (Class<?> resource : classes) {
            Path root = resource.getAnnotation(Path.class);
            if (root == null || resource.isInterface()) {
                continue;
            }
            for (Method method : resource.getMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String template = normalise(root.value() + "/" + (sub == null ? "" : sub.value()));
                byTemplate.computeIfAbsent(template, t -> new TreeSet<>()).add(verb);
            }
        }
        Map<Pattern, Set<String>> routes = new LinkedHashMap<>();
        byTemplate.forEach((template, verbs) -> routes.put(pattern(template), Set.copyOf(verbs)));
        return routes;
    }

    /** GET, POST, … : the value of the method's annotation that is itself marked {@code @HttpMethod}. */
    private static String verb(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** A path template ({@code /v1/jobs/{id}}, {@code {n: [0-9]+}}) as the pattern of the paths it serves. */
    static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher m = TEMPLATE.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            regex.append('(').append(m.group(1) == null ? "[^/]+" : m.group(1).strip()).append(')');
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return Pattern.compile(regex.toString());
    }

    /** One leading slash, no trailing or doubled ones. */
    private static String normalise(String path) {
        String joined = ("/" + path).replaceAll("/{2,}", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
