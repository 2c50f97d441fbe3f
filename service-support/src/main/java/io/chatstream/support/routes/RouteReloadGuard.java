package io.chatstream.support.routes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.BeanRepository;
import org.apache.camel.spi.PropertiesSource;
import org.apache.camel.spi.Resource;
import org.apache.camel.spi.RouteController;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.DefaultRegistry;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.RouteWatcherReloadStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes live route reloading safe (docs/routes.md). Camel's watcher (camel.main.routes-reload-*)
 * would remove the running routes of a changed file before it knows whether the new version
 * works. This guard first builds the changed file in a scratch Camel context that shares this
 * application's beans and properties but starts nothing: a YAML error, an unknown EIP, endpoint,
 * endpoint option or bean fails there, and the change is rejected with ONE log line while the
 * running routes stay as they are. Only a file that builds replaces the routes with the same ids;
 * should the real update still fail, the previous definitions are put back.
 * Identical in every service (a test checks it), except for the package.
 */
public final class RouteReloadGuard implements CamelContextConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(RouteReloadGuard.class);

    @Override
    public void beforeApplicationStart(CamelContext context) {
        // nothing before start: the watcher exists only once Camel main configured the context
    }

    @Override
    public void afterApplicationStart(CamelContext context) {
        RouteWatcherReloadStrategy watcher = context.hasService(RouteWatcherReloadStrategy.class);
        if (watcher == null) {
            LOG.info("live route reloading is off (chat.routes.reload=false, or the folder chat.routes.dir is missing)");
            return;
        }
        watcher.setResourceReload((name, resource) -> reload(context, resource));
        LOG.info("live route reloading guarded: files matching {} in {} are checked before they replace routes",
                watcher.getPattern(), watcher.getFolder());
    }

    /** Never throws: the watcher thread must survive every edit. */
    static void reload(CamelContext context, Resource resource) {
        String file = resource.getLocation();
        List<String> ids;
        try {
            ids = check(context, resource);
        } catch (Exception e) {
            LOG.error("route file {} REJECTED, the running routes are unchanged: {}", file, reason(e));
            return;
        }
        Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
        List<RouteDefinition> previous = new ArrayList<>();
        for (String id : ids) {
            RouteDefinition def = model.getRouteDefinition(id);
            if (def != null) {
                previous.add(def);
            }
        }
        try {
            Set<String> updated = PluginHelper.getRoutesLoader(context).updateRoutes(List.of(resource));
            LOG.info("route file {} reloaded: routes {} replaced or added", file, updated);
        } catch (Exception e) {
            LOG.error("route file {} REJECTED while applying it, restoring the previous routes: {}", file, reason(e));
            restore(context, model, ids, previous);
        }
    }

    /**
     * Builds the file's routes in a scratch context (registry and properties of {@code context},
     * route configurations copied, auto-startup off) and returns their ids.
     */
    static List<String> check(CamelContext context, Resource resource) throws Exception {
        try (DefaultCamelContext scratch = new DefaultCamelContext(false)) {
            scratch.getCamelContextExtension().setRegistry(new DefaultRegistry(new WithoutComponents(context)));
            scratch.getPropertiesComponent().addPropertiesSource(new PropertiesSource() {
                @Override
                public String getName() {
                    return "application";
                }

                @Override
                public String getProperty(String name) {
                    return context.getPropertiesComponent().resolveProperty(name).orElse(null);
                }
            });
            scratch.setAutoStartup(false);
            scratch.build();
            PluginHelper.getRoutesLoader(scratch).loadRoutes(resource);
            // Route configurations the file uses but does not declare come from the running context.
            Model own = context.getCamelContextExtension().getContextPlugin(Model.class);
            Model test = scratch.getCamelContextExtension().getContextPlugin(Model.class);
            Set<String> declared = new HashSet<>();
            test.getRouteConfigurationDefinitions().forEach(c -> declared.add(c.getId()));
            test.addRouteConfigurations(own.getRouteConfigurationDefinitions().stream()
                    .filter(c -> !declared.contains(c.getId())).toList());
            scratch.start();
            List<String> ids = new ArrayList<>();
            for (RouteDefinition def : test.getRouteDefinitions()) {
                ids.add(def.getRouteId());
            }
            return ids;
        }
    }

    /**
     * The application's beans, except its Camel components: the scratch context creates its own, so
     * closing it never stops a component the running routes use.
     */
    private record WithoutComponents(CamelContext context) implements BeanRepository {

        @Override
        public Object lookupByName(String name) {
            Object bean = context.getRegistry().lookupByName(name);
            return bean instanceof Component ? null : bean;
        }

        @Override
        public <T> T lookupByNameAndType(String name, Class<T> type) {
            T bean = context.getRegistry().lookupByNameAndType(name, type);
            return bean instanceof Component ? null : bean;
        }

        @Override
        public <T> Map<String, T> findByTypeWithName(Class<T> type) {
            Map<String, T> found = new HashMap<>(context.getRegistry().findByTypeWithName(type));
            found.values().removeIf(Component.class::isInstance);
            return found;
        }

        @Override
        public <T> Set<T> findByType(Class<T> type) {
            Set<T> found = new HashSet<>(context.getRegistry().findByType(type));
            found.removeIf(Component.class::isInstance);
            return found;
        }
    }

    private static void restore(CamelContext context, Model model, List<String> ids, List<RouteDefinition> previous) {
        try {
            RouteController controller = context.getRouteController();
            for (String id : ids) {
                if (context.getRoute(id) != null) {
                    controller.stopRoute(id);
                    context.removeRoute(id);
                }
            }
            model.addRouteDefinitions(previous);
        } catch (Exception e) {
            LOG.error("restoring routes {} failed, restart the service: {}", ids, reason(e));
        }
    }

    /** The innermost cause (what the operator must fix), on one line and at most 400 characters. */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = (root.getClass().getSimpleName() + ": " + root.getMessage()).replaceAll("\\s+", " ").strip();
        return text.length() <= 400 ? text : text.substring(0, 400) + "…";
    }
}
