// test_value.cpp — the 64-bit value word (core/value.h): every immediate kind round-trips and the kinds never
// overlap, including at the edges of the int range and for special doubles.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <limits>

#include "value.h"

namespace {

int kinds(Value v) {
    return val_is_null(v) + val_is_none(v) + val_is_bool(v) + val_is_int(v) + val_is_float(v) + val_is_obj(v);
}

}  // namespace

TEST_CASE("small ints round-trip at the edges of the 50-bit range", "[value]") {
    for (int64_t i : {int64_t(0), int64_t(1), int64_t(-1), int64_t(42), VAL_INT_MAX, VAL_INT_MIN, VAL_INT_MAX - 1,
                      VAL_INT_MIN + 1, int64_t(1) << 40, -(int64_t(1) << 40)}) {
        REQUIRE(val_int_fits(i));
        Value v = val_from_int(i);
        CHECK(val_is_int(v));
        CHECK(kinds(v) == 1);
        CHECK(val_int(v) == i);
    }
    CHECK_FALSE(val_int_fits(VAL_INT_MAX + 1));
    CHECK_FALSE(val_int_fits(VAL_INT_MIN - 1));
}

TEST_CASE("doubles round-trip bit for bit, NaN is canonical", "[value]") {
    const double cases[] = {0.0, -0.0, 1.0, -1.5, 0.1, 1e308, -1e308, 5e-324, -5e-324,
                            std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
                            std::numeric_limits<double>::max(), std::numeric_limits<double>::denorm_min()};
    for (double d : cases) {
        Value v = val_from_float(d);
        CHECK(val_is_float(v));
        CHECK(kinds(v) == 1);
        double back = val_float(v);
        CHECK(std::memcmp(&back, &d, sizeof d) == 0);
    }
    // Any NaN payload, including negative ones that would collide with the int tag, becomes the canonical NaN.
    uint64_t bad_nan_bits = 0xFFFFFFFFFFFFFFFFull;
    double bad_nan;
    std::memcpy(&bad_nan, &bad_nan_bits, sizeof bad_nan);
    Value n = val_from_float(bad_nan);
    CHECK(val_is_float(n));
    CHECK(kinds(n) == 1);
    CHECK(std::isnan(val_float(n)));
}

TEST_CASE("singletons and pointers are distinct kinds", "[value]") {
    CHECK(kinds(VAL_NULL) == 1);
    CHECK(kinds(VAL_NONE) == 1);
    CHECK(kinds(VAL_TRUE) == 1);
    CHECK(kinds(VAL_FALSE) == 1);
    CHECK(val_is_true(val_from_bool(1)));
    CHECK_FALSE(val_is_true(val_from_bool(0)));
    alignas(16) static char object_storage[64];
    Value p = val_from_obj(object_storage);
    CHECK(val_is_obj(p));
    CHECK(kinds(p) == 1);
    CHECK(reinterpret_cast<char*>(val_obj(p)) == object_storage);
}
