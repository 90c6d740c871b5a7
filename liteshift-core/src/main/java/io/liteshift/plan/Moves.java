package io.liteshift.plan;

import io.liteshift.sql.Identifiers;

import java.util.ArrayList;
import java.util.List;

/**
 * Orders renames so none lands on a name still in use: when a target name is another rename's source (a swap or a
 * rotation), every rename goes through a temporary name first.
 */
final class Moves {
    private Moves() {
    }

    record Move(String from, String to) {
    }

    static List<Move> ordered(List<Move> renames, String tempPrefix) {
        boolean collides = renames.stream().anyMatch(r -> renames.stream().anyMatch(o -> Identifiers.same(o.from(), r.to())));
        if (!collides) return renames;
        List<Move> out = new ArrayList<>();
        for (int i = 0; i < renames.size(); i++) out.add(new Move(renames.get(i).from(), tempPrefix + i));
        for (int i = 0; i < renames.size(); i++) out.add(new Move(tempPrefix + i, renames.get(i).to()));
        return out;
    }
}
