package io.liteshift.dsl;

import io.liteshift.LiteShiftException;
import io.liteshift.inspect.DeclaredSchema;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds a schema declared in Java by its class name: a {@link SchemaDefinition}, or a class with one public static
 * no-argument method returning a {@link JavaSchema}.
 */
public final class SchemaClasses {
    private SchemaClasses() {
    }

    /** The schema the class declares, rendered and inspected exactly like a {@code schema.sql} file. */
    public static DeclaredSchema declared(String className, ClassLoader loader) {
        return load(className, loader).declared(className);
    }

    /** The schema the class declares. Every failure is INVALID_INPUT with the class name, the cause and the fix. */
    public static JavaSchema load(String className, ClassLoader loader) {
        Class<?> type = find(className, loader);
        if (SchemaDefinition.class.isAssignableFrom(type)) return fromDefinition(type);
        List<Method> factories = Arrays.stream(type.getMethods())
                .filter(m -> Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0
                        && JavaSchema.class.isAssignableFrom(m.getReturnType()))
                .toList();
        if (factories.size() == 1) return call(type, factories.get(0));
        if (factories.isEmpty()) {
            throw invalid("the schema class " + className + " neither implements " + SchemaDefinition.class.getName()
                    + " nor has a public static method without parameters that returns " + JavaSchema.class.getName()
                    + ". Implement SchemaDefinition (with a public no-argument constructor), or add such a method."
                    + sameNameHint(type));
        }
        throw invalid("the schema class " + className + " has several public static methods that return a JavaSchema ("
                + factories.stream().map(Method::getName).sorted().collect(Collectors.joining("(), ", "", "()"))
                + "): liteshift cannot tell which one is the schema. Keep one, or implement SchemaDefinition.");
    }

    private static Class<?> find(String className, ClassLoader loader) {
        if (className == null || className.isBlank()) throw invalid("no schema class given: name a class such as com.example.db.AppSchema.");
        try {
            return Class.forName(className.strip(), false, loader);
        } catch (ClassNotFoundException e) {
            throw invalid("the schema class " + className + " was not found on the classpath " + searched(loader)
                    + ". Check the class name (package included) and that the class is compiled (e.g. mvn compile);"
                    + " on the command line, pass the directory or jar that holds it with --classpath.");
        } catch (LinkageError e) {
            throw invalid("the schema class " + className + " cannot be loaded: " + e
                    + ". A class it needs is missing from the classpath " + searched(loader) + ".");
        }
    }

    /** The classpath a class loader searches, as far as it can be told (URL loaders, then the JVM's own). */
    static String searched(ClassLoader loader) {
        StringBuilder sb = new StringBuilder();
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    if (sb.length() > 0) sb.append(File.pathSeparatorChar);
                    sb.append(url.getProtocol().equals("file") ? Path.of(URI.create(url.toString())).toString() : url);
                }
            }
        }
        String jvm = System.getProperty("java.class.path", "");
        if (!jvm.isEmpty()) sb.append(sb.length() > 0 ? File.pathSeparator : "").append(jvm);
        return sb.length() == 0 ? "(empty)" : "'" + sb + "'";
    }

    private static JavaSchema fromDefinition(Class<?> type) {
        Object instance;
        try {
            instance = type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw invalid("the schema class " + type.getName() + " has no public constructor without parameters."
                    + " Add one (liteshift creates the class to call schema()).");
        } catch (IllegalAccessException e) {
            throw invalid("the schema class " + type.getName() + " cannot be created: " + e.getMessage()
                    + ". Make the class and its no-argument constructor public.");
        } catch (InstantiationException e) {
            throw invalid("the schema class " + type.getName() + " is abstract or an interface. Name a concrete class.");
        } catch (InvocationTargetException e) {
            throw threw(type.getName() + "'s constructor", e.getCause());
        }
        try {
            return nonNull(((SchemaDefinition) instance).schema(), type.getName() + ".schema()");
        } catch (LiteShiftException e) {
            throw inClass(type.getName() + ".schema()", e);
        } catch (RuntimeException | LinkageError e) {
            throw threw(type.getName() + ".schema()", e);
        }
    }

    private static JavaSchema call(Class<?> type, Method method) {
        String what = type.getName() + "." + method.getName() + "()";
        try {
            return nonNull((JavaSchema) method.invoke(null), what);
        } catch (IllegalAccessException e) {
            throw invalid("cannot call " + what + ": " + e.getMessage() + ". Make the class public.");
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof LiteShiftException l) throw inClass(what, l);
            throw threw(what, e.getCause());
        }
    }

    private static JavaSchema nonNull(JavaSchema schema, String what) {
        if (schema == null) throw invalid(what + " returned null. Return the schema: JavaSchema.define(s -> ...).");
        return schema;
    }

    /** A mistake the DSL caught while the class built its schema: said as coming from that class. */
    private static LiteShiftException inClass(String what, LiteShiftException e) {
        return new LiteShiftException(e.reason(), what + ": " + e.text(), e);
    }

    private static LiteShiftException threw(String what, Throwable cause) {
        StackTraceElement at = cause.getStackTrace().length > 0 ? cause.getStackTrace()[0] : null;
        return new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, what + " threw " + cause
                + (at == null ? "" : " at " + at) + ". Fix the schema class so that it builds its schema.", cause);
    }

    private static String sameNameHint(Class<?> type) {
        // a class that implements another SchemaDefinition (say, loaded twice) is the one mistake worth spelling out
        return Arrays.stream(type.getInterfaces()).anyMatch(i -> i.getName().equals(SchemaDefinition.class.getName()))
                ? " (It implements a SchemaDefinition loaded by another class loader: keep liteshift itself off --classpath.)" : "";
    }

    private static LiteShiftException invalid(String message) {
        return new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, message);
    }
}
