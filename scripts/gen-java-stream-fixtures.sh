#!/bin/sh
# Writes real Java serialization streams for the tests with the JDK's own ObjectOutputStream:
#   state.ser       ordinary application state (no gadget classes)
#   cc-payload.ser  the object graph of ysoserial's CommonsCollections6 (HashMap -> TiedMapEntry -> LazyMap ->
#                   ChainedTransformer -> InvokerTransformer), built from stand-in classes with the real names and
#                   fields, so the bytes are what a scanner sees in a real payload (nothing here can execute)
#   cc-payload.b64  the same stream as base64 text, as payloads are stored in tests and cookies
# Usage: sh scripts/gen-java-stream-fixtures.sh   (needs javac/java)
set -eu
out="$(cd "$(dirname "$0")/.." && pwd)/test/data/java-streams"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src/org/apache/commons/collections/functors" "$work/src/org/apache/commons/collections/map" \
  "$work/src/org/apache/commons/collections/keyvalue" "$work/src/com/example"
cat > "$work/src/org/apache/commons/collections/functors/InvokerTransformer.java" <<'J'
package org.apache.commons.collections.functors;
public class InvokerTransformer implements java.io.Serializable {
    private static final long serialVersionUID = -8653385846894047688L;
    private final String iMethodName; private final Class[] iParamTypes; private final Object[] iArgs;
    public InvokerTransformer(String m, Class[] t, Object[] a) { iMethodName = m; iParamTypes = t; iArgs = a; }
}
J
cat > "$work/src/org/apache/commons/collections/functors/ConstantTransformer.java" <<'J'
package org.apache.commons.collections.functors;
public class ConstantTransformer implements java.io.Serializable {
    private static final long serialVersionUID = 6374440726369055124L;
    private final Object iConstant;
    public ConstantTransformer(Object c) { iConstant = c; }
}
J
cat > "$work/src/org/apache/commons/collections/functors/ChainedTransformer.java" <<'J'
package org.apache.commons.collections.functors;
public class ChainedTransformer implements java.io.Serializable {
    private static final long serialVersionUID = 3514945074733160196L;
    private final Object[] iTransformers;
    public ChainedTransformer(Object[] t) { iTransformers = t; }
}
J
cat > "$work/src/org/apache/commons/collections/map/LazyMap.java" <<'J'
package org.apache.commons.collections.map;
public class LazyMap implements java.io.Serializable {
    private static final long serialVersionUID = 7990956402564206740L;
    protected final Object factory; private final java.util.Map map;
    public LazyMap(java.util.Map m, Object f) { map = m; factory = f; }
}
J
cat > "$work/src/org/apache/commons/collections/keyvalue/TiedMapEntry.java" <<'J'
package org.apache.commons.collections.keyvalue;
public class TiedMapEntry implements java.io.Serializable {
    private static final long serialVersionUID = -8453869361373831205L;
    private final Object map; private final Object key;
    public TiedMapEntry(Object m, Object k) { map = m; key = k; }
}
J
cat > "$work/src/com/example/State.java" <<'J'
package com.example;
public class State implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final String user; private final int step; private final java.util.List<String> items;
    public State(String u, int s, java.util.List<String> i) { user = u; step = s; items = i; }
}
J
cat > "$work/src/Gen.java" <<'J'
import java.io.*;
import java.util.*;
import org.apache.commons.collections.functors.*;
import org.apache.commons.collections.map.LazyMap;
import org.apache.commons.collections.keyvalue.TiedMapEntry;
public class Gen {
    static byte[] write(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) { out.writeObject(o); }
        return bytes.toByteArray();
    }
    public static void main(String[] args) throws Exception {
        File dir = new File(args[0]);
        try (FileOutputStream f = new FileOutputStream(new File(dir, "state.ser"))) {
            f.write(write(new com.example.State("alice", 3, new ArrayList<>(List.of("book", "pen")))));
        }
        Object[] chain = {
            new ConstantTransformer(Runtime.class),
            new InvokerTransformer("getMethod", new Class[] {String.class, Class[].class}, new Object[] {"getRuntime", new Class[0]}),
            new InvokerTransformer("invoke", new Class[] {Object.class, Object[].class}, new Object[] {null, new Object[0]}),
            new InvokerTransformer("exec", new Class[] {String.class}, new Object[] {"touch /tmp/pwned"}),
        };
        LazyMap lazy = new LazyMap(new HashMap<>(), new ChainedTransformer(chain));
        HashMap<Object, Object> payload = new HashMap<>();
        payload.put(new TiedMapEntry(lazy, "foo"), "bar");
        byte[] stream = write(payload);
        try (FileOutputStream f = new FileOutputStream(new File(dir, "cc-payload.ser"))) { f.write(stream); }
        try (FileWriter w = new FileWriter(new File(dir, "cc-payload.b64"))) { w.write(Base64.getEncoder().encodeToString(stream) + "\n"); }
    }
}
J
javac -d "$work/classes" $(find "$work/src" -name '*.java')
mkdir -p "$out"
java -cp "$work/classes" Gen "$out"
ls -l "$out"
