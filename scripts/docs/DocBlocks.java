import java.lang.reflect.InvocationTargetException;

/**
 * Runs the docs' Java blocks (classes made by wrappers.py) one after another in this JVM, so they
 * share one Spark session, and reports each on a line of its own: {@code docblock ok <class>} or
 * {@code docblock failed <class>: <exception>}, the stack trace following on stderr.
 */
public final class DocBlocks {
    private DocBlocks() {}

    public static void main(String[] classes) throws Exception {
        for (String name : classes) {
            try {
                Class.forName(name).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
                System.out.println("docblock ok " + name);
            } catch (InvocationTargetException e) {
                System.out.println("docblock failed " + name + ": " + e.getCause());
                e.getCause().printStackTrace();
            }
            System.out.flush();
        }
    }
}
