/* A stencil calling a function of its own object (not inlined): its code would not be copied; must fail. */
__attribute__((noinline)) static unsigned long helper(void *p) { return (unsigned long)p * 3; }
__attribute__((preserve_none)) unsigned long krait_stencil_BAD(void *f, void *sp) { return helper(f) + helper(sp); }
