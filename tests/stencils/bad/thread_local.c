/* A stencil reading a thread-local variable: a relocation kind (TLS) the JIT cannot patch; must fail the build. */
extern _Thread_local int counter __attribute__((tls_model("local-exec")));
__attribute__((preserve_none)) unsigned long krait_stencil_BAD(void *f, void *sp) { return (unsigned long)counter; }
