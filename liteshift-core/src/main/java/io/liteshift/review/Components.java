package io.liteshift.review;

import io.liteshift.review.Layout.Link;
import io.liteshift.review.Layout.Node;
import io.liteshift.review.Layout.Placed;
import io.liteshift.review.Layout.Point;
import io.liteshift.review.Layout.Rect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * The parts of a diagram that no edge joins, each laid out on its own and then packed in shelves (left to right,
 * a new shelf when the next part would make the row too wide). Tables without foreign keys become a grid this way,
 * and a group of tables never stretches the rows of another. Every part keeps its margin, so parts never touch.
 */
final class Components {
    private Components() {
    }

    /** The connected parts, each in node order, ordered by their first node; the {@code last} nodes form one part of their own. */
    static List<List<Integer>> of(List<Node> nodes, List<Link> links) {
        int[] root = new int[nodes.size()];
        for (int i = 0; i < root.length; i++) root[i] = i;
        for (Link l : links) {
            int a = find(root, l.child());
            int b = find(root, l.parent());
            if (a != b) root[Math.max(a, b)] = Math.min(a, b);
        }
        Map<Integer, List<Integer>> parts = new TreeMap<>();
        List<Integer> last = new ArrayList<>();
        for (int n = 0; n < nodes.size(); n++) {
            if (nodes.get(n).last()) last.add(n);
            else parts.computeIfAbsent(find(root, n), k -> new ArrayList<>()).add(n);
        }
        List<List<Integer>> out = new ArrayList<>(parts.values());
        if (!last.isEmpty()) out.add(last);
        return out;
    }

    private static int find(int[] root, int n) {
        while (root[n] != n) n = root[n] = root[root[n]];
        return n;
    }

    static Placed pack(List<Node> nodes, List<Link> links, List<List<Integer>> parts, BiFunction<List<Node>, List<Link>, Placed> layout) {
        List<Placed> placed = new ArrayList<>();
        List<List<Integer>> linkIndexes = new ArrayList<>();
        for (List<Integer> part : parts) {
            Map<Integer, Integer> local = new HashMap<>();
            for (int n : part) local.put(n, local.size());
            List<Link> partLinks = new ArrayList<>();
            List<Integer> which = new ArrayList<>();
            for (int i = 0; i < links.size(); i++) {
                Link l = links.get(i);
                if (local.containsKey(l.child())) {
                    partLinks.add(new Link(local.get(l.child()), local.get(l.parent())));
                    which.add(i);
                }
            }
            placed.add(layout.apply(part.stream().map(nodes::get).toList(), partLinks));
            linkIndexes.add(which);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) order.add(i);
        boolean lastPart = nodes.get(parts.get(parts.size() - 1).get(0)).last();
        int sortable = lastPart ? parts.size() - 1 : parts.size();
        order.subList(0, sortable).sort(Comparator.<Integer>comparingInt(i -> -parts.get(i).size()).thenComparingInt(i -> i));
        double area = placed.stream().mapToDouble(p -> (double) p.width() * p.height()).sum();
        int width = Layout.width(area, placed.stream().mapToInt(Placed::width).max().orElse(0));

        Rect[] boxes = new Rect[nodes.size()];
        List<List<Point>> routes = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) routes.add(null);
        int x = 0;
        int y = 0;
        int shelf = 0;
        int right = 0;
        for (int k = 0; k < order.size(); k++) {
            int i = order.get(k);
            Placed p = placed.get(i);
            boolean newShelf = x > 0 && (x + p.width() > width || (lastPart && k == order.size() - 1));
            if (newShelf) {
                y += shelf;
                x = 0;
                shelf = 0;
            }
            List<Integer> part = parts.get(i);
            for (int j = 0; j < part.size(); j++) {
                Rect r = p.boxes().get(j);
                boxes[part.get(j)] = new Rect(r.x() + x, r.y() + y, r.width(), r.height());
            }
            for (int j = 0; j < linkIndexes.get(i).size(); j++) {
                int dx = x;
                int dy = y;
                routes.set(linkIndexes.get(i).get(j), p.routes().get(j).stream().map(pt -> new Point(pt.x() + dx, pt.y() + dy)).toList());
            }
            x += p.width();
            right = Math.max(right, x);
            shelf = Math.max(shelf, p.height());
        }
        return new Placed(right, y + shelf, List.of(boxes), routes);
    }
}
