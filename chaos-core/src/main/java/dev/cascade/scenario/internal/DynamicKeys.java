package dev.cascade.scenario.internal;

import dev.cascade.chaos.Fault;
import dev.cascade.chaos.internal.Binding;
import dev.cascade.chaos.internal.TreeShape;
import dev.cascade.internal.Echo;
import dev.cascade.scenario.DynamicStart;
import dev.cascade.scenario.DynamicSupervisorNode;
import dev.cascade.scenario.SupervisorNode;
import dev.cascade.supervisor.SupervisorSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The children a scenario's dynamic supervisors start, by path ({@code root/sessions/alice}): as
 * paths a fault plan binds to (each with its template's child spec, under a one-for-one supervisor
 * with the dynamic supervisor's intensity, as the runtime's dynamic paths are), and as the keys a
 * path below a dynamic supervisor must name. Not API.
 */
final class DynamicKeys implements TreeShape.Grown {
    private final Map<String, DynamicSupervisorNode> supervisors = new LinkedHashMap<>();
    private final Map<String, TreeShape.Node> children = new LinkedHashMap<>();

    private DynamicKeys() {}

    static DynamicKeys of(SupervisorNode tree) {
        DynamicKeys keys = new DynamicKeys();
        TreePaths.index(tree).forEach((path, node) -> {
            if (node instanceof DynamicSupervisorNode dynamic) {
                keys.supervisors.put(path, dynamic);
                SupervisorSpec parent = SupervisorSpec.oneForOne().withIntensity(dynamic.intensity(), dynamic.period());
                var templates = dynamic.templatesById();
                for (DynamicStart start : dynamic.starts()) {
                    String child = path + "/" + start.key();
                    keys.children.put(child, new TreeShape.Node(child,
                            TreeSpecs.dynamicChild(templates.get(start.template()), start.key()), parent, null));
                }
            }
        });
        return keys;
    }

    @Override
    public Optional<TreeShape.Node> node(String path) {
        return Optional.ofNullable(children.get(path));
    }

    @Override
    public List<String> paths() {
        return List.copyOf(children.keySet());
    }

    /** A path of {@code fault} below a dynamic supervisor that names no key the file starts, refused. */
    Optional<Binding.Refusal> refusal(Fault fault) {
        Fault acting = fault instanceof Fault.OptionalFault optional ? optional.fault() : fault;
        Map<String, String> named = new LinkedHashMap<>(); // field -> the path it names
        named.put("target", acting.target());
        if (acting instanceof Fault.LinkFault link) {
            named.put("from", link.from());
        }
        if (acting instanceof Fault.SlowerThanCallTimeout slow && slow.caller() != null) {
            named.put("caller", slow.caller());
        }
        for (Map.Entry<String, String> field : named.entrySet()) {
            String path = field.getValue();
            if (path == null || children.containsKey(path) || path.lastIndexOf('/') < 0) {
                continue;
            }
            String parent = path.substring(0, path.lastIndexOf('/'));
            DynamicSupervisorNode dynamic = supervisors.get(parent);
            if (dynamic != null) {
                String started = TreePaths.list(dynamic.starts().stream().map(DynamicStart::key).toList(), 20);
                return Optional.of(new Binding.Refusal(field.getKey(), "no child of key " + Echo.quoted(path.substring(parent.length() + 1))
                        + " is ever started under dynamic supervisor " + parent + " in this file (keys started: "
                        + (started.isEmpty() ? "none" : started) + ")"));
            }
        }
        return Optional.empty();
    }
}
