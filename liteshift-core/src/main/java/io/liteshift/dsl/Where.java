package io.liteshift.dsl;

import java.util.Set;

/** The line of the user's schema class that made a declaration, so that a mistake can be pointed at. */
final class Where {
    private static final Set<String> BUILDERS = Set.of(SchemaBuilder.class.getName(), TableBuilder.class.getName(),
            ColumnBuilder.class.getName(), ForeignKeyBuilder.class.getName(), IndexBuilder.class.getName(),
            TriggerBuilder.class.getName(), ConstraintBuilder.class.getName(), JavaSchema.class.getName(), Where.class.getName(),
            Names.class.getName(), Assembler.class.getName());
    private static final StackWalker WALKER = StackWalker.getInstance();

    private Where() {
    }

    /** "AppSchema.java:42", or "" when the caller cannot be told. */
    static String caller() {
        return WALKER.walk(frames -> frames.filter(f -> !BUILDERS.contains(f.getClassName()))
                .findFirst().map(f -> f.getFileName() == null ? "" : f.getFileName() + ":" + f.getLineNumber()).orElse(""));
    }

    /** " (AppSchema.java:42)" for a message, or "". */
    static String at(String where) {
        return where.isEmpty() ? "" : " (" + where + ")";
    }
}
