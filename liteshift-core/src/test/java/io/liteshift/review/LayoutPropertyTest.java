package io.liteshift.review;

import io.liteshift.review.Layout.Link;
import io.liteshift.review.Layout.Node;
import io.liteshift.review.Layout.Placed;
import io.liteshift.review.Layout.Point;
import io.liteshift.review.Layout.Rect;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The diagram's layout over random graphs: any sizes, chains, cycles, self-references, repeated links, unlinked
 * nodes and the block of tables not drawn. Boxes never overlap and stay inside the picture; every edge is made of
 * horizontal and vertical segments from its child's border to its parent's, and crosses no box; the same graph
 * always gives the same coordinates.
 */
class LayoutPropertyTest {

    record Graph(List<Node> nodes, List<Link> links) {
    }

    @Provide
    Arbitrary<Graph> graphs() {
        Arbitrary<Node> node = Combinators.combine(Arbitraries.integers().between(120, 420), Arbitraries.integers().between(24, 240))
                .as((w, h) -> new Node(w, h, false));
        return Arbitraries.integers().between(1, 45).flatMap(n -> node.list().ofSize(n).flatMap(nodes -> {
            Arbitrary<Link> link = Combinators.combine(Arbitraries.integers().between(0, n - 1), Arbitraries.integers().between(0, n - 1))
                    .as(Link::new);
            return Combinators.combine(link.list().ofMaxSize(n * 2), Arbitraries.integers().between(0, 3))
                    .as((links, last) -> new Graph(withLast(nodes, last == 0), links));
        }));
    }

    private static List<Node> withLast(List<Node> nodes, boolean last) {
        List<Node> out = new ArrayList<>(nodes);
        if (last) out.add(new Node(180, 24, true));
        return out;
    }

    @Property(tries = 300)
    void boxes_never_overlap_and_edges_never_cross_a_box(@ForAll("graphs") Graph g) {
        Placed p = Layout.place(g.nodes(), g.links());
        List<Rect> boxes = p.boxes();
        assertThat(boxes).hasSize(g.nodes().size());
        for (int i = 0; i < boxes.size(); i++) {
            Rect a = boxes.get(i);
            assertThat(a.width()).isEqualTo(g.nodes().get(i).width());
            assertThat(a.height()).isEqualTo(g.nodes().get(i).height());
            assertThat(a.x() >= 0 && a.y() >= 0 && a.x() + a.width() <= p.width() && a.y() + a.height() <= p.height())
                    .as("box %s inside %sx%s", a, p.width(), p.height()).isTrue();
            for (int j = i + 1; j < boxes.size(); j++) assertThat(a.overlaps(boxes.get(j))).as("%s overlaps %s", a, boxes.get(j)).isFalse();
        }
        assertThat(p.routes()).hasSize(g.links().size());
        for (int i = 0; i < g.links().size(); i++) {
            Link l = g.links().get(i);
            List<Point> route = p.routes().get(i);
            assertThat(route.size()).isGreaterThanOrEqualTo(2);
            assertThat(onBorder(route.get(0), boxes.get(l.child()))).as("route %s starts on its child %s", route, boxes.get(l.child())).isTrue();
            assertThat(onBorder(route.get(route.size() - 1), boxes.get(l.parent()))).as("route %s ends on its parent", route).isTrue();
            for (int s = 1; s < route.size(); s++) {
                Point a = route.get(s - 1);
                Point b = route.get(s);
                assertThat(a.x() == b.x() || a.y() == b.y()).as("segment %s-%s is horizontal or vertical", a, b).isTrue();
                assertThat(Math.min(a.x(), b.x()) >= 0 && Math.max(a.x(), b.x()) <= p.width()
                        && Math.min(a.y(), b.y()) >= 0 && Math.max(a.y(), b.y()) <= p.height()).as("segment inside").isTrue();
                for (Rect box : boxes) assertThat(crossesInside(a, b, box)).as("segment %s-%s crosses %s", a, b, box).isFalse();
            }
        }
        assertThat(Layout.place(g.nodes(), g.links())).isEqualTo(p);
    }

    private static boolean onBorder(Point p, Rect r) {
        boolean onVertical = (p.x() == r.x() || p.x() == r.x() + r.width()) && p.y() >= r.y() && p.y() <= r.y() + r.height();
        boolean onHorizontal = (p.y() == r.y() || p.y() == r.y() + r.height()) && p.x() >= r.x() && p.x() <= r.x() + r.width();
        return onVertical || onHorizontal;
    }

    /** True when the axis-parallel segment a-b passes through the open inside of {@code r}. */
    private static boolean crossesInside(Point a, Point b, Rect r) {
        int x1 = Math.min(a.x(), b.x());
        int x2 = Math.max(a.x(), b.x());
        int y1 = Math.min(a.y(), b.y());
        int y2 = Math.max(a.y(), b.y());
        if (x1 == x2) return r.x() < x1 && x1 < r.x() + r.width() && y1 < r.y() + r.height() && y2 > r.y();
        return r.y() < y1 && y1 < r.y() + r.height() && x1 < r.x() + r.width() && x2 > r.x();
    }
}
