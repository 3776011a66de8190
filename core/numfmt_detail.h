// numfmt_detail.h - internals shared by the numfmt_*.cpp files (not part of numfmt.h's API):
// small UTF-8 helpers and the Unicode facts CPython's number parsing consults (decimal digits,
// whitespace). Defined in numfmt_float.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace krait::numfmt_detail {

// Decodes the code point at s[*pos] and advances *pos. Malformed bytes decode as themselves (one
// byte each), so lengths stay consistent with the byte-counting fallbacks below.
char32_t utf8_next(std::string_view s, size_t* pos);

// Number of code points in s (counts every byte that does not continue a sequence).
size_t utf8_length(std::string_view s);

// Byte length of the first `count` code points of s (all of s if it has fewer).
size_t utf8_prefix_bytes(std::string_view s, size_t count);

void utf8_append(char32_t cp, std::string* out);

// Appends `count` copies of cp.
void utf8_fill(char32_t cp, int64_t count, std::string* out);

// The value 0..9 of a Unicode decimal digit (category Nd, as Python's str.isdecimal()), else -1.
int decimal_value(char32_t cp);

// Python's str.isspace() for a single code point.
bool is_unicode_space(char32_t cp);

// Output longer than this is refused with a MemoryError message instead of being attempted.
constexpr int64_t kMaxOutput = int64_t(1) << 28;
extern const char kMemoryErrorText[];

}  // namespace krait::numfmt_detail
