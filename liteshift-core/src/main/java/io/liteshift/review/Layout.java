package io.liteshift.review;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Places the boxes of a diagram so that none overlap and routes every edge so that it crosses no box but its two
 * ends, deterministically (the same nodes and links give the same coordinates, in integers).
 * <p>
 * Boxes are layered by foreign-key depth (a table referencing nothing is at depth 0, a child below its deepest
 * parent; a cycle is cut where the depth-first walk meets it), ordered within a layer by the barycenter of their
 * neighbours (a few sweeps down and up, ties by input order), and a layer wider than the diagram wraps into
 * several rows. Rows are top-aligned with a channel between each two: an edge leaves its child's top (or bottom)
 * into the channel, runs along a track of its own there and enters its parent's bottom (or top). An edge between
 * rows that are not neighbours goes around the side, in a lane of its own in the left or right margin. Inside a
 * row, below a shorter box, there is nothing but that box's own edges, so no line ever crosses a box.
 */
final class Layout {
    static final int GAP_X = 48;
    static final int MARGIN = 16;
    static final int TRACK = 8;
    static final int LANE = 8;
    static final int CHANNEL_MIN = 32;
    /** Room beyond a box's right side for a self-referencing foreign key's loop (inside {@link #GAP_X}). */
    static final int LOOP = 22;
    private static final int MIN_WIDTH = 1000;
    private static final int MAX_WIDTH = 3200;

    record Node(int width, int height, boolean last) {
    }

    /** A foreign key: {@code child} references {@code parent} (the same node for a self-reference). */
    record Link(int child, int parent) {
    }

    record Point(int x, int y) {
    }

    record Rect(int x, int y, int width, int height) {
        boolean overlaps(Rect o) {
            return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
        }
    }

    /** The diagram's size, each node's box (in the nodes' order) and each link's route (in the links' order). */
    record Placed(int width, int height, List<Rect> boxes, List<List<Point>> routes) {
    }

    private final List<Node> nodes;
    private final List<Link> links;
    private final List<List<Integer>> parents = new ArrayList<>();
    private final List<List<Integer>> children = new ArrayList<>();

    private Layout(List<Node> nodes, List<Link> links) {
        this.nodes = nodes;
        this.links = links;
        for (int i = 0; i < nodes.size(); i++) {
            parents.add(new ArrayList<>());
            children.add(new ArrayList<>());
        }
        for (Link l : links) {
            if (l.child() == l.parent()) continue;
            parents.get(l.child()).add(l.parent());
            children.get(l.parent()).add(l.child());
        }
    }

    /**
     * Lays out each connected part of the diagram by itself, then packs the parts in shelves, largest first; nodes
     * marked {@code last} (the block of tables not drawn) go on a shelf of their own at the bottom.
     */
    static Placed place(List<Node> nodes, List<Link> links) {
        if (nodes.isEmpty()) return new Placed(2 * MARGIN, 2 * MARGIN, List.of(), List.of());
        List<List<Integer>> parts = Components.of(nodes, links);
        if (parts.size() == 1) return new Layout(nodes, links).run();
        return Components.pack(nodes, links, parts, Layout::placeConnected);
    }

    /** One connected part (or several unrelated last nodes), layered. */
    static Placed placeConnected(List<Node> nodes, List<Link> links) {
        return new Layout(nodes, links).run();
    }

    private Placed run() {
        List<List<Integer>> layers = order(layers());
        List<List<Integer>> rows = wrap(layers, rowWidth());
        int width = rows.stream().mapToInt(this::used).max().orElse(0);
        int[] rowOf = new int[nodes.size()];
        for (int r = 0; r < rows.size(); r++) for (int n : rows.get(r)) rowOf[n] = r;
        int[] x = new int[nodes.size()];
        for (List<Integer> row : rows) {
            int at = (width - used(row)) / 2;
            for (int n : row) {
                x[n] = at;
                at += nodes.get(n).width() + GAP_X;
            }
        }
        Routing routing = new Routing(nodes, links, rows, rowOf, x, width);
        return routing.route();
    }

    /** The width of a row's boxes with the gaps between them. */
    private int used(List<Integer> row) {
        return row.stream().mapToInt(n -> nodes.get(n).width()).sum() + GAP_X * (row.size() - 1);
    }

    /** Each node's depth: 0 without parents, else one more than its deepest parent (back edges of a cycle ignored). */
    private List<List<Integer>> layers() {
        int[] depth = new int[nodes.size()];
        Arrays.fill(depth, -1);
        boolean[] walking = new boolean[nodes.size()];
        int deepest = 0;
        for (int n = 0; n < nodes.size(); n++) {
            if (!nodes.get(n).last()) deepest = Math.max(deepest, depth(n, depth, walking));
        }
        List<List<Integer>> layers = new ArrayList<>();
        for (int d = 0; d <= deepest + 1; d++) layers.add(new ArrayList<>());
        for (int n = 0; n < nodes.size(); n++) layers.get(nodes.get(n).last() ? deepest + 1 : depth[n]).add(n);
        layers.removeIf(List::isEmpty);
        return layers;
    }

    private int depth(int n, int[] depth, boolean[] walking) {
        if (depth[n] >= 0) return depth[n];
        walking[n] = true;
        int d = 0;
        for (int p : parents.get(n)) {
            if (!walking[p] && !nodes.get(p).last()) d = Math.max(d, depth(p, depth, walking) + 1);
        }
        walking[n] = false;
        depth[n] = d;
        return d;
    }

    /** Barycentric ordering: each node moves towards the mean position of its neighbours in the layers swept. */
    private List<List<Integer>> order(List<List<Integer>> layers) {
        double[] pos = new double[nodes.size()];
        int[] layerOf = new int[nodes.size()];
        for (int l = 0; l < layers.size(); l++) {
            for (int n : layers.get(l)) layerOf[n] = l;
            positions(layers.get(l), pos);
        }
        for (int sweep = 0; sweep < 4; sweep++) {
            boolean down = sweep % 2 == 0;
            for (int step = 1; step < layers.size(); step++) {
                int l = down ? step : layers.size() - 1 - step;
                List<List<Integer>> towards = down ? parents : children;
                List<Integer> layer = layers.get(l);
                double[] key = new double[nodes.size()];
                for (int n : layer) {
                    key[n] = towards.get(n).stream().filter(m -> down ? layerOf[m] < l : layerOf[m] > l)
                            .mapToDouble(m -> pos[m]).average().orElse(pos[n]);
                }
                layer.sort(Comparator.<Integer>comparingDouble(n -> key[n]).thenComparingInt(n -> n));
                positions(layer, pos);
            }
        }
        return layers;
    }

    private static void positions(List<Integer> layer, double[] pos) {
        for (int i = 0; i < layer.size(); i++) pos[layer.get(i)] = (i + 0.5) / layer.size();
    }

    private int rowWidth() {
        double area = nodes.stream().mapToDouble(n -> (double) (n.width() + GAP_X) * (n.height() + CHANNEL_MIN)).sum();
        return width(area, nodes.stream().mapToInt(Node::width).max().orElse(0));
    }

    /** A width about 1.6 times the height {@code area} would take, within bounds, and never less than {@code widest}. */
    static int width(double area, int widest) {
        int wanted = (int) Math.round(Math.sqrt(area * 1.6));
        return Math.max(widest, Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, wanted)));
    }

    private List<List<Integer>> wrap(List<List<Integer>> layers, int width) {
        List<List<Integer>> rows = new ArrayList<>();
        for (List<Integer> layer : layers) {
            List<Integer> row = new ArrayList<>();
            int used = 0;
            for (int n : layer) {
                int w = nodes.get(n).width();
                if (!row.isEmpty() && used + GAP_X + w > width) {
                    rows.add(row);
                    row = new ArrayList<>();
                    used = 0;
                }
                used += (row.isEmpty() ? 0 : GAP_X) + w;
                row.add(n);
            }
            rows.add(row);
        }
        return rows;
    }
}
