package dev.lstudio.dsl;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A compiled script: the bytes of its classes (the script class, its closures, any classes it
 * declares). Loading them needs only a plain class loader, not the Groovy compiler.
 */
public final class CompiledScript {
    private static final int MAGIC = 0x4c534331; // "LSC1"

    private final String mainClassName;
    private final Map<String, byte[]> classes;
    private Class<?> mainClass;

    private CompiledScript(String mainClassName, Map<String, byte[]> classes) {
        this.mainClassName = mainClassName;
        this.classes = Map.copyOf(classes);
    }

    static CompiledScript of(String mainClassName, Map<String, byte[]> classes) {
        return new CompiledScript(mainClassName, classes);
    }

    public String mainClassName() {
        return mainClassName;
    }

    /** A new instance of the script, bound to {@code context}, ready for {@code run()}. */
    public LstudioScript newInstance(DslContext context) {
        try {
            LstudioScript script = (LstudioScript) mainClass().getDeclaredConstructor().newInstance();
            script.setBinding(LstudioScript.binding(context));
            return script;
        } catch (InvocationTargetException e) {
            throw Rethrow.<RuntimeException>rethrow(e.getCause());
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new DslException("cannot instantiate script " + mainClassName + ": " + e, e);
        }
    }

    private synchronized Class<?> mainClass() throws ClassNotFoundException {
        if (mainClass == null) {
            mainClass = Class.forName(mainClassName, true, new BytesClassLoader(classes));
        }
        return mainClass;
    }

    void writeTo(OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(MAGIC);
        out.writeUTF(mainClassName);
        out.writeInt(classes.size());
        for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeInt(entry.getValue().length);
            out.write(entry.getValue());
        }
        out.flush();
    }

    static CompiledScript readFrom(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        if (in.readInt() != MAGIC) {
            throw new IOException("not a compiled-script cache entry");
        }
        String main = in.readUTF();
        int count = in.readInt();
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            classes.put(name, bytes);
        }
        if (!classes.containsKey(main)) {
            throw new IOException("cache entry lacks its main class " + main);
        }
        return new CompiledScript(main, classes);
    }

    /** Defines the script's classes from bytes; everything else comes from lstudio's own loader. */
    private static final class BytesClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        BytesClassLoader(Map<String, byte[]> classes) {
            super("lstudio-script", LstudioScript.class.getClassLoader());
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
