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

/**
 * The second half of {@link Layout}: given the rows and each box's place in its row, sizes the channels between
 * rows and the lanes in the margins for the edges that run there, then fixes every coordinate.
 */
final class Routing {
    private static final int PAD = 8;

    /** How a link runs: both ends in one row, between neighbouring rows, or around the side. */
    private enum Kind { SELF, SAME_ROW, NEXT_ROW, AROUND }

    /** One link's plan: the channel at each end (-1 when unused), its tracks there, and its lane (-1 when none). */
    private static final class Plan {
        Kind kind;
        boolean up;
        int childChannel = -1;
        int parentChannel = -1;
        int childTrack;
        int parentTrack;
        boolean left;
        int lane = -1;
        int childX;
        int parentX;
    }

    /** One end of a link on a box's top or bottom, waiting for its place along that side. */
    private record End(int link, boolean child, int towardsX) {
    }

    private final List<Node> nodes;
    private final List<Link> links;
    private final List<List<Integer>> rows;
    private final int[] rowOf;
    private final int[] x;
    private final int width;

    Routing(List<Node> nodes, List<Link> links, List<List<Integer>> rows, int[] rowOf, int[] x, int width) {
        this.nodes = nodes;
        this.links = links;
        this.rows = rows;
        this.rowOf = rowOf;
        this.x = x;
        this.width = width;
    }

    Placed route() {
        int[] tracks = new int[rows.size() + 1];
        Lanes lanesLeft = new Lanes();
        Lanes lanesRight = new Lanes();
        List<Plan> plans = new ArrayList<>();
        for (Link l : links) {
            Plan p = plan(l);
            if (p.childChannel >= 0) p.childTrack = tracks[p.childChannel]++;
            if (p.parentChannel >= 0 && p.parentChannel != p.childChannel) p.parentTrack = tracks[p.parentChannel]++;
            else p.parentTrack = p.childTrack;
            if (p.kind == Kind.AROUND) {
                int middle = (x[l.child()] + nodes.get(l.child()).width() / 2 + x[l.parent()] + nodes.get(l.parent()).width() / 2) / 2;
                p.left = middle < width / 2;
                int from = Math.min(p.childChannel, p.parentChannel);
                int to = Math.max(p.childChannel, p.parentChannel);
                p.lane = (p.left ? lanesLeft : lanesRight).take(from, to);
            }
            plans.add(p);
        }
        int left = Layout.MARGIN + lanesLeft.count() * Layout.LANE;
        int[] channelTop = new int[rows.size() + 1];
        int[] channelHeight = new int[rows.size() + 1];
        int[] rowTop = new int[rows.size()];
        int y = 0;
        for (int k = 0; k <= rows.size(); k++) {
            boolean outer = k == 0 || k == rows.size();
            channelHeight[k] = tracks[k] == 0 && outer ? Layout.MARGIN : Math.max(Layout.CHANNEL_MIN, 2 * PAD + tracks[k] * Layout.TRACK);
            channelTop[k] = y;
            y += channelHeight[k];
            if (k < rows.size()) {
                rowTop[k] = y;
                y += rows.get(k).stream().mapToInt(n -> nodes.get(n).height()).max().orElse(0);
            }
        }
        List<Rect> boxes = new ArrayList<>();
        for (int n = 0; n < nodes.size(); n++) {
            boxes.add(new Rect(x[n] + left, rowTop[rowOf[n]], nodes.get(n).width(), nodes.get(n).height()));
        }
        int right = left + width;
        attach(plans, boxes, left, right);
        List<List<Point>> routes = new ArrayList<>();
        int[] loops = new int[nodes.size()];
        int[] loopCount = new int[nodes.size()];
        for (Link l : links) if (l.child() == l.parent()) loopCount[l.child()]++;
        for (int i = 0; i < links.size(); i++) {
            Link l = links.get(i);
            routes.add(l.child() == l.parent() ? loop(boxes.get(l.child()), loops[l.child()]++, loopCount[l.child()])
                    : points(l, plans.get(i), boxes, channelTop, left, right));
        }
        int totalWidth = right + Layout.LOOP + lanesRight.count() * Layout.LANE + Layout.MARGIN;
        return new Placed(totalWidth, y, boxes, routes);
    }

    /**
     * The lanes of one margin. Edges whose spans of channels do not meet share a lane (their vertical segments
     * lie one above the other), so the margin grows with how many edges pass one height, not with all of them.
     */
    private static final class Lanes {
        private final List<List<int[]>> taken = new ArrayList<>();

        /** The first lane free from channel {@code from} to channel {@code to} (both included), now taken. */
        int take(int from, int to) {
            for (int lane = 0; ; lane++) {
                if (lane == taken.size()) taken.add(new ArrayList<>());
                boolean free = taken.get(lane).stream().allMatch(span -> span[1] < from || to < span[0]);
                if (free) {
                    taken.get(lane).add(new int[]{from, to});
                    return lane;
                }
            }
        }

        int count() {
            return taken.size();
        }
    }

    private Plan plan(Link l) {
        Plan p = new Plan();
        int rc = rowOf[l.child()];
        int rp = rowOf[l.parent()];
        p.up = rp <= rc;
        if (l.child() == l.parent()) {
            p.kind = Kind.SELF;
        } else if (rp == rc) {
            p.kind = Kind.SAME_ROW;
            p.childChannel = rc;
            p.parentChannel = rc;
        } else if (Math.abs(rp - rc) == 1) {
            p.kind = Kind.NEXT_ROW;
            p.childChannel = Math.max(rc, rp);
            p.parentChannel = p.childChannel;
        } else {
            p.kind = Kind.AROUND;
            p.childChannel = p.up ? rc : rc + 1;
            p.parentChannel = p.up ? rp + 1 : rp;
        }
        return p;
    }

    private int laneX(Plan p, int left, int right) {
        return p.left ? left - Layout.LANE * p.lane - Layout.LANE / 2 : right + Layout.LOOP + Layout.LANE * p.lane + Layout.LANE / 2;
    }

    /** Spreads the ends on each box side evenly, ordered by where their lines go, so that they cross less. */
    private void attach(List<Plan> plans, List<Rect> boxes, int left, int right) {
        Map<Integer, List<End>> sides = new HashMap<>();
        for (int i = 0; i < links.size(); i++) {
            Link l = links.get(i);
            Plan p = plans.get(i);
            if (p.kind == Kind.SELF) continue;
            int childTowards = p.kind == Kind.AROUND ? laneX(p, left, right) : centre(boxes.get(l.parent()));
            int parentTowards = p.kind == Kind.AROUND ? laneX(p, left, right) : centre(boxes.get(l.child()));
            boolean childOnTop = p.kind == Kind.SAME_ROW || p.up;
            boolean parentOnTop = p.kind == Kind.SAME_ROW || !p.up;
            sides.computeIfAbsent(side(l.child(), childOnTop), k -> new ArrayList<>()).add(new End(i, true, childTowards));
            sides.computeIfAbsent(side(l.parent(), parentOnTop), k -> new ArrayList<>()).add(new End(i, false, parentTowards));
        }
        for (Map.Entry<Integer, List<End>> e : sides.entrySet()) {
            Rect box = boxes.get(e.getKey() / 2);
            List<End> ends = e.getValue();
            ends.sort(Comparator.comparingInt(End::towardsX).thenComparingInt(End::link).thenComparing(End::child));
            for (int i = 0; i < ends.size(); i++) {
                int at = box.x() + (int) ((long) box.width() * (i + 1) / (ends.size() + 1));
                End end = ends.get(i);
                if (end.child()) plans.get(end.link()).childX = at;
                else plans.get(end.link()).parentX = at;
            }
        }
    }

    private static int side(int node, boolean top) {
        return node * 2 + (top ? 0 : 1);
    }

    private static int centre(Rect r) {
        return r.x() + r.width() / 2;
    }

    /** The {@code k}-th of {@code count} self-references of box {@code c}: a loop out of its right side and back in. */
    private static List<Point> loop(Rect c, int k, int count) {
        int band = Math.min(14 * count, c.height() - 6);
        int each = band / count;
        int y1 = c.y() + 3 + k * band / count;
        int y2 = y1 + Math.max(2, Math.min(10, each - 4));
        int side = c.x() + c.width();
        return List.of(new Point(side, y1), new Point(side + Layout.LOOP - 4, y1), new Point(side + Layout.LOOP - 4, y2), new Point(side, y2));
    }

    private List<Point> points(Link l, Plan p, List<Rect> boxes, int[] channelTop, int left, int right) {
        Rect c = boxes.get(l.child());
        Rect q = boxes.get(l.parent());
        boolean childOnTop = p.kind == Kind.SAME_ROW || p.up;
        boolean parentOnTop = p.kind == Kind.SAME_ROW || !p.up;
        int childY = childOnTop ? c.y() : c.y() + c.height();
        int parentY = parentOnTop ? q.y() : q.y() + q.height();
        int t1 = track(channelTop, p.childChannel, p.childTrack);
        List<Point> out = new ArrayList<>();
        out.add(new Point(p.childX, childY));
        out.add(new Point(p.childX, t1));
        if (p.kind == Kind.AROUND) {
            int lane = laneX(p, left, right);
            int t2 = track(channelTop, p.parentChannel, p.parentTrack);
            out.add(new Point(lane, t1));
            out.add(new Point(lane, t2));
            out.add(new Point(p.parentX, t2));
        } else {
            out.add(new Point(p.parentX, t1));
        }
        out.add(new Point(p.parentX, parentY));
        return out;
    }

    private static int track(int[] channelTop, int channel, int track) {
        return channelTop[channel] + PAD + track * Layout.TRACK + Layout.TRACK / 2;
    }
}
