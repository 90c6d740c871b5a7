package io.liteshift.property;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.List;
import java.util.stream.Collectors;

/** Schema A, the rows put into it, and schema B to push; printed in full when a property fails. */
record Scenario(SchemaDef a, Population rows, SchemaDef b) {

    /**
     * Three independent gene lists (schema, rows, evolution), so each shrinks on its own. The lists have a
     * fixed length, longer than any generation reads: a short list would pad with zeros and make most
     * scenarios trivial, and shrinking then works gene by gene toward 0 without shifting later decisions.
     */
    static Arbitrary<Scenario> arbitrary() {
        Arbitrary<List<Integer>> genes = Arbitraries.integers().between(0, 9_999).list().ofSize(400);
        return Combinators.combine(genes, genes, genes).as((schemaGenes, rowGenes, evolutionGenes) -> {
            SchemaDef a = SchemaGenerator.schemaA(new Choices(schemaGenes));
            Population rows = RowGenerator.rows(a, new Choices(rowGenes));
            SchemaDef b = Evolver.schemaB(a, new Choices(evolutionGenes));
            return new Scenario(a, rows, b);
        });
    }

    List<String> schemaAStatements() {
        return a.statements(null, true);
    }

    String schemaBSql() {
        return String.join("", b.statements(a, true));
    }

    List<String> populating() {
        return rows.statements(a);
    }

    @Override
    public String toString() {
        return "\n-- schema A\n" + String.join("", schemaAStatements())
                + "-- rows (a row SQLite rejects is skipped)\n" + populating().stream().map(s -> s + ";\n").collect(Collectors.joining())
                + "-- schema B\n" + schemaBSql();
    }
}
