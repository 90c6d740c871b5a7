package io.liteshift.sql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScriptsTest {

    private static List<String> sqls(String script) {
        return Scripts.split(script).stream().map(Statement::sql).toList();
    }

    @Test
    void semicolons_inside_strings_comments_and_quoted_names_do_not_split() {
        String script = """
                INSERT INTO t VALUES ('a;b');
                SELECT 1 -- not the end;
                ;
                SELECT /* ; */ 2;
                CREATE TABLE "x;y" ([a;b] INT, `c;d` TEXT);
                """;
        assertThat(sqls(script)).containsExactly(
                "INSERT INTO t VALUES ('a;b')",
                "SELECT 1",
                "SELECT /* ; */ 2",
                "CREATE TABLE \"x;y\" ([a;b] INT, `c;d` TEXT)");
    }

    @Test
    void trigger_body_with_several_statements_and_case_end_is_one_statement() {
        String trigger = """
                CREATE TRIGGER audit AFTER UPDATE ON t
                WHEN new.x <> old.x
                BEGIN
                  INSERT INTO log (v) VALUES (CASE WHEN new.x > 0 THEN 'pos' ELSE 'neg' END);
                  UPDATE counters SET n = n + 1 WHERE name = 'end;';
                  SELECT CASE new.x WHEN 1 THEN 'one' END;
                END""";
        List<Statement> statements = Scripts.split(trigger + ";\nSELECT 3;");
        assertThat(statements).extracting(Statement::sql).containsExactly(trigger, "SELECT 3");
    }

    @Test
    void temp_trigger_is_recognised_too() {
        String trigger = "CREATE TEMP TRIGGER tr AFTER INSERT ON t BEGIN DELETE FROM u; DELETE FROM v; END";
        assertThat(sqls(trigger + "; SELECT 1")).containsExactly(trigger, "SELECT 1");
    }

    @Test
    void statements_after_a_trigger_split_normally_again() {
        assertThat(sqls("CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END; SELECT 2; SELECT 3"))
                .containsExactly("CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END", "SELECT 2", "SELECT 3");
    }

    @Test
    void empty_statements_and_blank_scripts_yield_nothing() {
        assertThat(sqls(";;  ;\n;")).isEmpty();
        assertThat(sqls("")).isEmpty();
        assertThat(sqls("-- only a comment\n/* and another */")).isEmpty();
        assertThat(sqls(";;SELECT 1;;;SELECT 2;;")).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void last_statement_needs_no_semicolon() {
        assertThat(sqls("SELECT 1;\nSELECT 2 -- tail")).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void statement_line_is_the_line_of_its_first_significant_token() {
        String script = """
                -- header

                CREATE TABLE a (x);
                /* between */ CREATE TABLE b (
                  y
                );

                CREATE INDEX i ON a (x);""";
        assertThat(Scripts.split(script)).extracting(Statement::line).containsExactly(3, 4, 8);
    }

    @Test
    void leading_comments_belong_to_the_next_statement() {
        String script = """
                -- first
                CREATE TABLE a (x); -- after a
                /* about b */
                -- more about b
                CREATE TABLE b (y -- inside b
                );""";
        List<Statement> statements = Scripts.split(script);
        assertThat(statements.get(0).leading()).extracting(Token::text).containsExactly("-- first");
        assertThat(statements.get(1).leading()).extracting(Token::text)
                .containsExactly("-- after a", "/* about b */", "-- more about b");
        assertThat(statements.get(1).tokens()).extracting(Token::text).contains("-- inside b");
        assertThat(statements.get(1).leading()).extracting(Token::line).containsExactly(2, 3, 4);
    }

    @Test
    void statement_text_is_the_exact_source_without_surrounding_trivia() {
        String script = "  \n SELECT  'a'  ,\n  2   ;  ";
        Statement s = Scripts.split(script).get(0);
        assertThat(s.sql()).isEqualTo("SELECT  'a'  ,\n  2");
        assertThat(s.significant()).extracting(Token::text).containsExactly("SELECT", "'a'", ",", "2");
    }

    @Test
    void a_table_named_trigger_is_not_a_trigger() {
        assertThat(sqls("CREATE TABLE \"trigger\" (a); SELECT 1")).hasSize(2);
        assertThat(sqls("CREATE TABLE tr (end INT); SELECT 1")).hasSize(2);
    }
}
