package io.liteshift;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Who depends on whom, by unit (a package, or a named part of one), with one reference as the evidence for each edge,
 * so that a cycle can be named by the lines that make it.
 */
final class PackageGraph {
    private final Map<String, Map<String, SourceReferences.Reference>> edges = new TreeMap<>();

    /** The graph of {@code references}, each from the unit of its {@code from} type to the unit of its {@code to} type. */
    PackageGraph(Collection<SourceReferences.Reference> references, Function<String, String> unitOfType) {
        for (SourceReferences.Reference r : references) {
            String from = unitOfType.apply(r.from());
            String to = unitOfType.apply(r.to());
            if (!from.equals(to)) edges.computeIfAbsent(from, k -> new TreeMap<>()).putIfAbsent(to, r);
            edges.computeIfAbsent(to, k -> new TreeMap<>());
        }
    }

    /** The edges: from unit to the units it depends on, each with one reference that makes it. */
    Map<String, Map<String, SourceReferences.Reference>> edges() {
        return edges;
    }

    /**
     * One cycle for every group of units that depend on each other (a strongly connected component), each as
     * {@code a → b → a} followed by the reference of every edge; empty when the dependencies run one way.
     */
    List<String> cycles() {
        List<String> out = new ArrayList<>();
        for (List<String> group : stronglyConnected()) {
            if (group.size() < 2) continue;
            List<String> cycle = shortestCycle(group.get(0), new TreeSet<>(group));
            StringBuilder sb = new StringBuilder(String.join(" → ", cycle));
            for (int i = 0; i + 1 < cycle.size(); i++) {
                sb.append("\n    ").append(cycle.get(i)).append(" → ").append(cycle.get(i + 1)).append(": ")
                        .append(edges.get(cycle.get(i)).get(cycle.get(i + 1)).where());
            }
            if (group.size() > cycle.size() - 1) sb.append("\n    (the group is larger: ").append(String.join(", ", new TreeSet<>(group))).append(')');
            out.add(sb.toString());
        }
        return out;
    }

    /** Breadth first from {@code start} back to itself, within {@code group}: the cycle with the fewest edges. */
    private List<String> shortestCycle(String start, TreeSet<String> group) {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String at = queue.removeFirst();
            for (String next : edges.get(at).keySet()) {
                if (!group.contains(next)) continue;
                if (next.equals(start)) {
                    List<String> path = new ArrayList<>(List.of(start));
                    for (String back = at; !back.equals(start); back = cameFrom.get(back)) path.add(1, back);
                    path.add(start);
                    return path;
                }
                if (cameFrom.putIfAbsent(next, at) == null) queue.addLast(next);
            }
        }
        throw new IllegalStateException("no cycle through " + start); // a group of two or more always has one
    }

    /** Tarjan's strongly connected components, each sorted, in a stable order. */
    private List<List<String>> stronglyConnected() {
        Map<String, Integer> index = new LinkedHashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<List<String>> out = new ArrayList<>();
        for (String v : edges.keySet()) if (!index.containsKey(v)) connect(v, index, low, stack, out);
        return out;
    }

    private void connect(String v, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack, List<List<String>> out) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        for (String w : edges.get(v).keySet()) {
            if (!index.containsKey(w)) {
                connect(w, index, low, stack, out);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (stack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> group = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                group.add(w);
            } while (!w.equals(v));
            group.sort(null);
            out.add(group);
        }
    }

    /** The reference that makes {@code from} depend on {@code to}, if it does directly. */
    Optional<SourceReferences.Reference> edge(String from, String to) {
        return Optional.ofNullable(edges.getOrDefault(from, Map.of()).get(to));
    }
}
