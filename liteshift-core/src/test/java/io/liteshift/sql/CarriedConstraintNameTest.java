package io.liteshift.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CarriedConstraintNameTest {

    @Test
    void theLastColumnsNameCarriesOverToAnUnnamedTableConstraint() {
        assertThat(CarriedConstraintName.in("CREATE TABLE t (a INT, b INT CONSTRAINT ck CHECK (b > 0), PRIMARY KEY (a))")).isTrue();
        assertThat(CarriedConstraintName.in("CREATE TABLE t (a INT, b INT CONSTRAINT nn NOT NULL, UNIQUE (a, b))")).isTrue();
    }

    @Test
    void nothingCarriesOverWithoutATableConstraintOrWhenItHasItsOwnName() {
        assertThat(CarriedConstraintName.in("CREATE TABLE t (a INT, b INT CONSTRAINT ck CHECK (b > 0))")).isFalse();
        assertThat(CarriedConstraintName.in("CREATE TABLE t (a INT, b INT CONSTRAINT ck CHECK (b > 0), CONSTRAINT pk PRIMARY KEY (a))")).isFalse();
    }

    @Test
    void aNameOnAnEarlierColumnIsForgottenAtTheNextColumn() {
        assertThat(CarriedConstraintName.in("CREATE TABLE t (a INT CONSTRAINT ck CHECK (a > 0), b INT, PRIMARY KEY (a))")).isFalse();
        assertThat(CarriedConstraintName.in("CREATE TABLE t (a INT, b INT CHECK (b IN (1, 2)), PRIMARY KEY (a))")).isFalse();
        assertThat(CarriedConstraintName.in("CREATE TABLE t (a INT, \"constraint\" INT, PRIMARY KEY (a))")).isFalse();
    }

    @Test
    void anAddedColumnWhoseConstraintNameWouldCarryOverIsFound() {
        String pk = "CREATE TABLE t (a INT, b INT, PRIMARY KEY (a))";
        assertThat(CarriedConstraintName.afterAdding(pk, "c INT CONSTRAINT ck CHECK (c > 0)")).isTrue();
        assertThat(CarriedConstraintName.afterAdding(pk, "c INT CONSTRAINT ck CHECK (c > 0 -- positive\n)")).isTrue();
        assertThat(CarriedConstraintName.afterAdding(pk, "c INT CHECK (c > 0)")).isFalse();
        assertThat(CarriedConstraintName.afterAdding("CREATE TABLE t (a INT, b INT)", "c INT CONSTRAINT ck CHECK (c > 0)")).isFalse();
        assertThat(CarriedConstraintName.afterAdding("CREATE TABLE t (a INT, CONSTRAINT pk PRIMARY KEY (a))", "c INT CONSTRAINT ck CHECK (c > 0)"))
                .isFalse();
    }
}
