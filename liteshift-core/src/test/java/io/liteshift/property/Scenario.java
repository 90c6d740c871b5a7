package io.liteshift.property;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.List;
import java.util.stream.Collectors;

/** Schema A, the rows put into it, schema B to push, and how their DDL is spelled; printed in full when a property fails. */
record Scenario(SchemaDef a, Population rows, SchemaDef b, Spelling spelling) {

    /**
     * Four independent gene lists (schema, rows, evolution, spelling), so each shrinks on its own. The lists have a
     * fixed length, longer than any generation reads: a short list would pad with zeros and make most
     * scenarios trivial, and shrinking then works gene by gene toward 0 without shifting later decisions.
     */
    static Arbitrary<Scenario> arbitrary() {
        Arbitrary<List<Integer>> genes = Arbitraries.integers().between(0, 9_999).list().ofSize(400);
        Arbitrary<List<Integer>> spellingGenes = Arbitraries.integers().between(0, 9_999).list().ofSize(10);
        return Combinators.combine(genes, genes, genes, spellingGenes).as((schemaGenes, rowGenes, evolutionGenes, spelled) -> {
            SchemaDef a = SchemaGenerator.schemaA(new Choices(schemaGenes));
            Population rows = RowGenerator.rows(a, new Choices(rowGenes));
            SchemaDef b = Evolver.schemaB(a, new Choices(evolutionGenes));
            return new Scenario(a, rows, b, Spelling.of(new Choices(spelled)));
        });
    }

    List<String> schemaAStatements() {
        return a.statements(null, true, spelling);
    }

    String schemaBSql() {
        return String.join("", b.statements(a, true, spelling));
    }

    List<String> populating() {
        return rows.statements(a);
    }

    @Override
    public String toString() {
        return "\n-- spelling " + spelling + "\n-- schema A\n" + String.join("", schemaAStatements())
                + "-- rows (a row SQLite rejects is skipped)\n" + populating().stream().map(s -> s + ";\n").collect(Collectors.joining())
                + "-- schema B\n" + schemaBSql();
    }
}
