/* value.h — Krait's one value word (ARCHITECTURE decision 1).
 *
 * Every Python value is one 64-bit word, the same on every target. Floats, small ints, bools and None are
 * immediates: arithmetic on them never allocates. Heap objects are plain pointers in the same word. This header
 * is plain C on purpose: instruction bodies written in C (and later compiled into JIT stencils by clang) include it.
 *
 * The encoding is "offset NaN-boxing" (as in JavaScriptCore): a double is stored with 2^49 added to its bits,
 * which moves every double out of the range where pointers live and below the range used for ints.
 *
 *   63      56      48      40      32      24      16       8       0
 *   0000 0000 0000 0000 0000 ... 0000 0000 0000 0000 0000 0000 0000 0000   NULL: "no value" (unbound local, error return)
 *   0000 0000 0000 0000 0000 ... 0000 0000 0000 0000 0000 0000 0001 000b   bool (b = 0 False, 1 True)
 *   0000 0000 0000 0000 0000 ... 0000 0000 0000 0000 0000 0000 0010 0000   None
 *   0000 0000 0000 0000 pppp ... pppp pppp pppp pppp pppp pppp pppp p000   heap object pointer (>= 0x100, < 2^48)
 *   [double bits + 2^49]  ranges from 0x0002_0000_0000_0000 up to 0xFFF2_0000_0000_0000 (-inf); NaN is canonical
 *   1111 1111 1111 11ii iiii ... iiii iiii iiii iiii iiii iiii iiii iiii   int, 50-bit two's complement payload
 *
 * Pointers need no decoding, so object code pays nothing; a float costs one integer add to box or unbox;
 * an int is a shift pair to unbox and a mask+or to box. Ints outside the 50-bit range are heap big ints.
 */
#ifndef KRAIT_VALUE_H
#define KRAIT_VALUE_H

#include <stdint.h>
/* No <string.h>: the stencil compiler targets other machines without their libc headers (freestanding). */

#ifdef __cplusplus
extern "C" {
#endif

typedef struct Value {
    uint64_t bits;
} Value;

#define VAL_DOUBLE_OFFSET ((uint64_t)1 << 49)
#define VAL_INT_TAG ((uint64_t)0xFFFC << 48)
#define VAL_INT_BITS 50
#define VAL_INT_MAX (((int64_t)1 << (VAL_INT_BITS - 1)) - 1)
#define VAL_INT_MIN (-((int64_t)1 << (VAL_INT_BITS - 1)))
#define VAL_PTR_MIN ((uint64_t)0x100)
#define VAL_PTR_LIMIT ((uint64_t)1 << 48)

#define VAL_NULL_BITS ((uint64_t)0)
#define VAL_FALSE_BITS ((uint64_t)0x10)
#define VAL_TRUE_BITS ((uint64_t)0x11)
#define VAL_NONE_BITS ((uint64_t)0x20)

static inline Value val_from_bits(uint64_t b) {
    Value v;
    v.bits = b;
    return v;
}

#define VAL_NULL val_from_bits(VAL_NULL_BITS)
#define VAL_NONE val_from_bits(VAL_NONE_BITS)
#define VAL_TRUE val_from_bits(VAL_TRUE_BITS)
#define VAL_FALSE val_from_bits(VAL_FALSE_BITS)

static inline int val_is_null(Value v) { return v.bits == VAL_NULL_BITS; }
static inline int val_is_none(Value v) { return v.bits == VAL_NONE_BITS; }
static inline int val_is_bool(Value v) { return (v.bits & ~(uint64_t)1) == VAL_FALSE_BITS; }
static inline int val_is_true(Value v) { return v.bits == VAL_TRUE_BITS; }
static inline Value val_from_bool(int b) { return val_from_bits(VAL_FALSE_BITS | (uint64_t)(b != 0)); }
static inline int val_same(Value a, Value b) { return a.bits == b.bits; }

/* Ints: the top 14 bits are all ones. */
static inline int val_is_int(Value v) { return v.bits >= VAL_INT_TAG; }
static inline int64_t val_int(Value v) { return (int64_t)(v.bits << (64 - VAL_INT_BITS)) >> (64 - VAL_INT_BITS); }
static inline int val_int_fits(int64_t i) { return i >= VAL_INT_MIN && i <= VAL_INT_MAX; }
/* Caller guarantees val_int_fits(i). */
static inline Value val_from_int(int64_t i) {
    return val_from_bits(((uint64_t)i & (((uint64_t)1 << VAL_INT_BITS) - 1)) | VAL_INT_TAG);
}

/* Floats. */
static inline int val_is_float(Value v) { return v.bits >= VAL_DOUBLE_OFFSET && v.bits < VAL_INT_TAG; }
static inline double val_float(Value v) {
    uint64_t b = v.bits - VAL_DOUBLE_OFFSET;
    double d;
    __builtin_memcpy(&d, &b, sizeof d);
    return d;
}
static inline Value val_from_float(double d) {
    uint64_t b;
    if (d != d) d = __builtin_nan(""); /* one canonical NaN keeps every NaN out of the int range */
    __builtin_memcpy(&b, &d, sizeof b);
    return val_from_bits(b + VAL_DOUBLE_OFFSET);
}

/* Numbers as doubles: a float, or an immediate int (at most 50 bits: converted exactly, as CPython converts an int
 * it mixes with a float, and as its int true division's fast path does for ints that fit a double). */
static inline int val_is_number(Value v) { return v.bits >= VAL_DOUBLE_OFFSET; }
static inline double val_number_as_double(Value v) { return val_is_int(v) ? (double)val_int(v) : val_float(v); }

/* Heap objects. struct Object is defined by the C++ object model; C code only passes the pointer around. */
struct Object;
static inline int val_is_obj(Value v) { return v.bits - VAL_PTR_MIN < VAL_PTR_LIMIT - VAL_PTR_MIN; }
static inline struct Object* val_obj(Value v) { return (struct Object*)(uintptr_t)v.bits; }
static inline Value val_from_obj(const void* o) { return val_from_bits((uint64_t)(uintptr_t)o); }

#ifdef __cplusplus
}
static_assert(sizeof(Value) == 8, "a Value is one 64-bit word on every target");
#endif

#endif
