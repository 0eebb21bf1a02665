package io.tokenmaxx.collect.local;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The C library's {@code memchr} and {@code memmem}, called through the foreign-function API.
 * The C library's searches use the processor's vector instructions and scan several times faster
 * than the Java word loop of {@link HeapLineReader} runs in the quick JIT.
 *
 * <p>The API is final from JDK 22; the project compiles for Java 21, so the handles are built by
 * reflection once and then called as plain {@code (long, ...) -> long} method handles (addresses
 * passed as 64-bit integers, which is how the platform's C calling convention passes pointers).
 * They are only built when native access is enabled for this code (the CLI jar's manifest grants
 * it, the tests pass {@code --enable-native-access=ALL-UNNAMED}), so no JDK warning is ever
 * printed. Where anything is missing (JDK 21, no {@code memmem} in the C library, native
 * access off) or the self-test at load fails, {@link #loaded()} stays false and callers use the
 * Java code.
 *
 * <p>Building the handles costs tens of milliseconds, so {@link #startLoading()} does it on a
 * thread of its own while files are already being read by the Java code.
 */
final class LibC {
  private static volatile boolean loaded;
  private static final java.util.concurrent.atomic.AtomicBoolean STARTED = new java.util.concurrent.atomic.AtomicBoolean();
  private static final java.util.concurrent.CountDownLatch DONE = new java.util.concurrent.CountDownLatch(1);

  private LibC() {}

  /** Starts loading the functions on a daemon thread (once); {@link #loaded()} turns true when done. */
  static void startLoading() {
    if (!STARTED.compareAndSet(false, true)) return;
    Thread t = new Thread(() -> {
      try {
        loaded = Calls.AVAILABLE;
      } finally {
        DONE.countDown();
      }
    }, "tokenmaxx-libc");
    t.setDaemon(true);
    t.start();
  }

  /** Loads the functions on this thread if needed; whether they are available. */
  static boolean load() {
    STARTED.set(true);
    loaded = Calls.AVAILABLE;
    DONE.countDown();
    return loaded;
  }

  /**
   * When loading has been started, waits for it to end, at most {@code millis}; whether the
   * functions are loaded. For a large file, waiting the few milliseconds left is cheaper than
   * reading it with the Java code.
   */
  static boolean awaitLoaded(long millis) {
    if (loaded || !STARTED.get()) return loaded;
    try {
      DONE.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return loaded;
  }

  /** Whether loading has started and not ended yet (never waits). */
  static boolean loading() {
    return STARTED.get() && DONE.getCount() > 0;
  }

  /** Whether the functions are loaded and usable (never waits). */
  static boolean loaded() {
    return loaded;
  }

  /** Why the functions are not available, or {@code null} when they are. */
  static String unavailableReason() {
    return Calls.REASON;
  }

  /** A direct buffer of {@code size} bytes and its native address, kept together. */
  record Memory(ByteBuffer buffer, long address) {
    static Memory allocate(int size) {
      ByteBuffer b = ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
      try {
        return new Memory(b, (long) Calls.ADDRESS.invoke(Calls.OF_BUFFER.invoke(b)));
      } catch (Throwable e) {
        throw new IllegalStateException("cannot take the address of a direct buffer", e);
      }
    }
  }

  /**
   * Index of the first {@code c} in {@code m[from, to)}, or -1. The range is checked: a native
   * search must never run past its buffer.
   */
  static int indexOf(Memory m, int from, int to, byte c) {
    check(m, from, to);
    long p;
    try {
      p = (long) Calls.MEMCHR.invokeExact(m.address + from, (int) c, (long) (to - from));
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
    return p == 0 ? -1 : (int) (p - m.address);
  }

  /** Index of the first {@code needle[0, n)} starting in {@code m[from, to)} and ending by {@code to}, or -1. */
  static int indexOf(Memory m, int from, int to, Memory needle, int n) {
    check(m, from, to);
    check(needle, 0, n);
    if (to - from < n) return -1;
    long p;
    try {
      p = (long) Calls.MEMMEM.invokeExact(m.address + from, (long) (to - from), needle.address, (long) n);
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
    return p == 0 ? -1 : (int) (p - m.address);
  }

  private static void check(Memory m, int from, int to) {
    if (from < 0 || to < from || to > m.buffer.capacity()) {
      throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") of " + m.buffer.capacity() + " bytes");
    }
  }

  /** The handles, built when this class is first used (see {@link LibC#startLoading()}). */
  private static final class Calls {
    static final MethodHandle MEMCHR;
    static final MethodHandle MEMMEM;
    static final MethodHandle OF_BUFFER;
    static final MethodHandle ADDRESS;
    static final boolean AVAILABLE;
    static final String REASON;

    static {
      MethodHandle memchr = null, memmem = null, ofBuffer = null, address = null;
      String reason = null;
      try {
        if (Boolean.getBoolean("tokenmaxx.libc.off")) throw new UnsupportedOperationException("turned off (tokenmaxx.libc.off)");
        Method enabled = Module.class.getMethod("isNativeAccessEnabled"); // JDK 22+
        if (!(boolean) enabled.invoke(LibC.class.getModule())) {
          throw new UnsupportedOperationException("native access is not enabled (--enable-native-access)");
        }
        Class<?> linkerClass = Class.forName("java.lang.foreign.Linker");
        Class<?> optionClass = Class.forName("java.lang.foreign.Linker$Option");
        Class<?> lookupClass = Class.forName("java.lang.foreign.SymbolLookup");
        Class<?> segmentClass = Class.forName("java.lang.foreign.MemorySegment");
        Class<?> layoutClass = Class.forName("java.lang.foreign.MemoryLayout");
        Class<?> descriptorClass = Class.forName("java.lang.foreign.FunctionDescriptor");
        Class<?> valueLayoutClass = Class.forName("java.lang.foreign.ValueLayout");
        Object linker = linkerClass.getMethod("nativeLinker").invoke(null);
        Object lookup = linkerClass.getMethod("defaultLookup").invoke(linker);
        Object jlong = valueLayoutClass.getField("JAVA_LONG").get(null);
        Object jint = valueLayoutClass.getField("JAVA_INT").get(null);
        Method find = lookupClass.getMethod("find", String.class);
        Method describe = descriptorClass.getMethod("of", layoutClass, layoutClass.arrayType());
        Method downcall = linkerClass.getMethod("downcallHandle", segmentClass, descriptorClass, optionClass.arrayType());
        // short calls that never call back into Java: no thread-state transition needed
        Object options = Array.newInstance(optionClass, 1);
        Array.set(options, 0, optionClass.getMethod("critical", boolean.class).invoke(null, false));
        Object[][] signatures = {{jlong, jint, jlong}, {jlong, jlong, jlong, jlong}};
        String[] names = {"memchr", "memmem"};
        MethodHandle[] handles = new MethodHandle[names.length];
        for (int i = 0; i < names.length; i++) {
          java.util.Optional<?> symbol = (java.util.Optional<?>) find.invoke(lookup, names[i]);
          if (symbol.isEmpty()) throw new UnsupportedOperationException("the C library has no " + names[i]);
          Object params = Array.newInstance(layoutClass, signatures[i].length);
          for (int k = 0; k < signatures[i].length; k++) Array.set(params, k, signatures[i][k]);
          Object descriptor = describe.invoke(null, jlong, params);
          handles[i] = (MethodHandle) downcall.invoke(linker, symbol.get(), descriptor, options);
        }
        var lookupHere = java.lang.invoke.MethodHandles.publicLookup();
        ofBuffer = lookupHere.unreflect(segmentClass.getMethod("ofBuffer", java.nio.Buffer.class));
        address = lookupHere.unreflect(segmentClass.getMethod("address"));
        memchr = handles[0];
        memmem = handles[1];
      } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
        Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
        reason = cause.toString();
      }
      MEMCHR = memchr;
      MEMMEM = memmem;
      OF_BUFFER = ofBuffer;
      ADDRESS = address;
      if (reason == null) reason = selfTest();
      AVAILABLE = reason == null;
      REASON = reason;
    }

    /** Checks the calls on a known buffer before anything relies on them; the failure, or null. */
    private static String selfTest() {
      try {
        Memory m = Memory.allocate(64);
        byte[] text = "{\"a\":1}\n{\"usage\":{\"x\":2}}\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        m.buffer().put(0, text);
        Memory needle = Memory.allocate(16);
        byte[] pattern = "\"usage\":{".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        needle.buffer().put(0, pattern);
        if (indexOf(m, 0, text.length, (byte) '\n') != 7 || indexOf(m, 8, text.length, (byte) '\n') != 25
            || indexOf(m, 0, 7, (byte) '\n') != -1) {
          return "memchr self-test failed";
        }
        if (indexOf(m, 0, text.length, needle, pattern.length) != 9 || indexOf(m, 10, text.length, needle, pattern.length) != -1) {
          return "memmem self-test failed";
        }
        return null;
      } catch (RuntimeException | Error e) {
        return "self-test: " + e;
      }
    }
  }
}
